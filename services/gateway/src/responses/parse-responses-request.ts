import { randomUUID } from 'node:crypto';
import {
  isPlainResponsesRequest,
  type JsonObjectText,
  responsesRequestSchema,
} from '@switchyard/contracts';
import { convertResponsesRequest } from '@switchyard/providers';
import { apiErrors, parseBody } from '@switchyard/service-kit';
import type { Principal } from '../auth/principal.js';
import { takeOnce } from '../pipeline/caller-text.js';
import { loadConversation } from './load-conversation.js';
import type { ParsedResponses } from './parsed-responses.js';
import { previousResponseNotFound } from './previous-response-not-found.js';
import { refuseProviderReferences } from './refuse-provider-references.js';
import type { NativeResponseOwner, ResponseStore } from './response-store.js';

/**
 * Reads a Responses request: checks it (400 naming the field), reads the conversation of its
 * `previous_response_id` back from the Responses this gateway stored for the same key (or finds
 * that key's record of one an upstream stored; any other id is a 400
 * `previous_response_not_found`), refuses the other ids a provider would resolve for any key
 * (`conversation`, `item_reference`), and translates it all to the canonical chat request.
 */
export async function parseResponsesRequest(
  raw: unknown,
  text: JsonObjectText | undefined,
  principal: Principal,
  store: ResponseStore,
): Promise<ParsedResponses> {
  // The common request as it came, unchanged and uncopied; anything else the schema parses.
  const plain = isPlainResponsesRequest(raw);
  const body = plain ? raw : parseBody(responsesRequestSchema, raw);
  refuseProviderReferences(body);
  const previousId = body.previous_response_id ?? undefined;
  const stored =
    previousId === undefined
      ? undefined
      : await loadConversation(store, previousId, principal.keyId);
  let upstreamPrevious: NativeResponseOwner | undefined;
  if (previousId !== undefined && stored === undefined) {
    upstreamPrevious = await store.getNative(previousId, principal.keyId);
    // Not forwarded on trust: the upstream would serve any key of its organisation.
    if (upstreamPrevious === undefined) throw previousResponseNotFound(previousId);
  }
  const history = stored ?? [];
  const converted = convertResponsesRequest(body, history);
  const { request: chat, warnings } = converted;
  const conversational = chat.messages.some((message) => message.role !== 'system');
  return {
    body,
    // 122 random bits from node's batch of them (`randomBytes` per request cost ~1 % of a turn).
    responseId: `resp_${randomUUID().replaceAll('-', '')}`,
    chat,
    translationWarnings: warnings,
    // Never send an empty conversation upstream (and bill it): only OpenAI may make sense of it
    // (a stored prompt, an upstream's previous Response).
    untranslatable: conversational
      ? undefined
      : apiErrors.invalidRequest(
          warnings.length > 0
            ? `Nothing is left to send: ${warnings.join('; ')}.`
            : 'input must contain at least one message or item.',
          'input',
        ),
    history,
    // The text is what the schema read only for a plain request: the schema gives a message item
    // sent without its type one, and an untyped item with an `id` could read to a provider as a
    // reference to a stored item. Nor when a conversation stored here goes before the input.
    takeSource: takeOnce(plain && history.length === 0 ? text : undefined),
    upstreamPrevious,
    principal,
    route: chat,
    requestedModel: body.model,
    stream: body.stream === true,
  };
}
