import { randomBytes } from 'node:crypto';
import { responsesRequestSchema } from '@switchyard/contracts';
import { convertResponsesRequest } from '@switchyard/providers';
import { apiErrors, parseBody } from '@switchyard/service-kit';
import type { Principal } from '../auth/principal.js';
import { loadConversation } from './load-conversation.js';
import type { ParsedResponses } from './parsed-responses.js';
import type { ResponseStore } from './response-store.js';

/**
 * Reads a Responses request: checks it (400 naming the field), reads the conversation of its
 * `previous_response_id` back from the Responses this gateway stored for the same key, and
 * translates it all to the canonical chat request.
 */
export async function parseResponsesRequest(
  raw: unknown,
  principal: Principal,
  store: ResponseStore,
): Promise<ParsedResponses> {
  const body = parseBody(responsesRequestSchema, raw);
  const previousId = body.previous_response_id ?? undefined;
  const stored =
    previousId === undefined
      ? undefined
      : await loadConversation(store, previousId, principal.keyId);
  const history = stored ?? [];
  const converted = convertResponsesRequest(body, history);
  const { request: chat, warnings } = converted;
  const conversational = chat.messages.some((message) => message.role !== 'system');
  return {
    body,
    responseId: `resp_${randomBytes(16).toString('hex')}`,
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
    upstreamPrevious: previousId !== undefined && stored === undefined ? previousId : undefined,
    principal,
    route: chat,
    requestedModel: body.model,
    stream: body.stream === true,
  };
}
