import type { preParsingAsyncHookHandler } from 'fastify';

/**
 * For routes that read no body (`POST …/revoke`, `…/rotate`): an empty body is accepted whatever
 * its `content-type`, as SDKs send `content-type: application/json` with nothing after it.
 * Dropping the header of an empty body lets fastify skip parsing instead of answering 400.
 */
export const acceptEmptyBody: preParsingAsyncHookHandler = async (request) => {
  const { headers } = request;
  if (headers['transfer-encoding'] === undefined && (headers['content-length'] ?? '0') === '0') {
    delete headers['content-type'];
  }
};
