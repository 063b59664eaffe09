import type { ResponsesInputItem } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';
import { previousResponseNotFound } from './previous-response-not-found.js';
import type { ResponseStore, StoredResponse } from './response-store.js';

/** Turns a conversation may have; a longer chain is refused rather than read without end. */
const MAX_TURNS = 2_000;

/**
 * The conversation a stored Response ends, as input items, oldest first: each stored turn
 * names the one before it, so the chain is read back to its start. Undefined when the caller
 * has no Response `id` stored here (an upstream may have it); a link missing further back
 * (deleted, expired) is a 400 naming it.
 */
export async function loadConversation(
  store: ResponseStore,
  id: string,
  ownerKeyId: string,
): Promise<ResponsesInputItem[] | undefined> {
  const turns: StoredResponse[] = [];
  let next: string | undefined = id;
  while (next !== undefined) {
    if (turns.length >= MAX_TURNS) {
      throw apiErrors.invalidRequest(
        `The conversation of '${id}' is longer than ${MAX_TURNS} turns: send its items as input.`,
        'previous_response_id',
      );
    }
    const stored: StoredResponse | undefined = await store.get(next, ownerKeyId);
    if (stored === undefined) {
      if (turns.length === 0) return undefined;
      throw previousResponseNotFound(next);
    }
    turns.push(stored);
    next = stored.previousResponseId;
  }
  return turns.reverse().flatMap((turn) => turn.items);
}
