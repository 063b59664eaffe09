import { toMessagesError } from '@switchyard/providers';
import type { ErrorFormat } from '@switchyard/service-kit';

/**
 * Errors under `/v1/messages` in Anthropic's error body, so Anthropic SDKs can read them: the
 * route's own errors, and a path or method with no route there (404 `not_found_error`).
 */
export const messagesErrorFormat: ErrorFormat = {
  pathPrefix: '/v1/messages',
  send: (reply, error) => {
    const translated = toMessagesError(error.status, {
      error: { message: error.message, type: error.type, code: error.code },
    });
    return reply.code(translated.status).headers(error.headers).send(translated.body);
  },
};
