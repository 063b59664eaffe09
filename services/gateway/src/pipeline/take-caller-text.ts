import type { JsonObjectText } from '@switchyard/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * The caller's JSON text (`request.rawBody`, taken off the Fastify request) for the first
 * upstream request built from it, and `again()` for any built after (a fallback): once the first
 * is sent, nothing holds the text. A coding agent's 100 KB turn kept for as long as its answer
 * streams is copied by every young-generation collection meanwhile (measured on agent turns:
 * young survival 18 % with the text let go, 29 % with it kept).
 */
export function takeCallerText<Later>(
  request: FastifyRequest,
  again: () => Later,
): () => JsonObjectText | Later {
  let text = request.rawBody;
  request.rawBody = undefined;
  return () => {
    const taken = text;
    text = undefined;
    return taken ?? again();
  };
}
