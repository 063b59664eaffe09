import { apiErrors } from '@switchyard/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { consoleErrors } from '../console-errors.js';
import type { ConsoleSession } from '../session/console-session.js';
import type { SessionCredentials } from '../session/session-credentials.js';
import type { ConsoleUpstream, UpstreamTarget } from './console-upstream.js';

export interface ForwardOptions {
  upstream: ConsoleUpstream;
  target: UpstreamTarget;
  /** Path and query on the upstream. */
  path: string;
  session: ConsoleSession;
  /** How the session authenticates upstream: its key, or a signed SSO actor assertion. */
  credentials: SessionCredentials;
  /** The key was refused (revoked or expired): the session is over. */
  onUnauthorized: () => void;
  /** A last check of a successful answer; false turns it into a 404 (not the caller's to see). */
  visible?: (body: string) => boolean;
  /** A CSV export: asked for as CSV and streamed to the browser as a download. */
  download?: boolean;
}

const PASSED_HEADERS = ['content-type', 'retry-after', 'content-disposition'] as const;

/**
 * Sends the browser's call on with the session's credentials (its key as `Authorization: Bearer`,
 * or for SSO a signed actor assertion), and answers
 * with the upstream's status and body unchanged (its error body is already the OpenAI one).
 */
export async function forwardUpstream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ForwardOptions,
): Promise<FastifyReply> {
  const hasBody = request.body !== undefined && request.body !== null;
  const credentials = options.credentials(options.session, options.target);
  const response = await options
    .upstream(options.target, {
      method: request.method,
      path: options.path,
      headers: {
        ...credentials,
        accept: options.download === true ? 'text/csv' : 'application/json',
        'x-request-id': request.id,
        ...(hasBody && { 'content-type': 'application/json' }),
      },
      ...(hasBody && { body: JSON.stringify(request.body) }),
      ...(options.download === true && { stream: true }),
    })
    .catch((error: unknown) => {
      request.log.warn({ err: error, target: options.target }, 'console upstream unreachable');
      throw consoleErrors.upstreamUnreachable(
        options.target === 'gateway' ? 'gateway' : `${options.target} API`,
        error,
      );
    });
  if (response.status === 401) options.onUnauthorized();
  if (response.status === 200 && options.visible !== undefined && !options.visible(response.body)) {
    throw apiErrors.notFound('No such record for this key.');
  }
  for (const name of PASSED_HEADERS) {
    const value = response.headers[name];
    if (value !== undefined) reply.header(name, value);
  }
  return reply
    .code(response.status)
    .header('cache-control', 'no-store')
    .send(response.stream ?? response.body);
}
