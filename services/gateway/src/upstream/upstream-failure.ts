/** Why an upstream call failed before or while its response arrived (transport, not HTTP). */
export type UpstreamFailureKind =
  | 'connect_timeout'
  | 'first_byte_timeout'
  | 'idle_timeout'
  | 'total_timeout'
  | 'unreachable'
  | 'connection_lost'
  | 'client_closed';

/** A transport failure of one upstream call, with whether a retry elsewhere could help. */
export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;
  readonly provider: string;
  readonly retryable: boolean;
  /**
   * The connection was reset (or closed) before any byte of the response, and it was a reused
   * keep-alive connection: most likely the upstream closed it as idle while the request was on its
   * way, so one more try on a fresh connection is worth it (see `callWithFallback`).
   */
  readonly resetOnReusedConnection: boolean;

  constructor(
    kind: UpstreamFailureKind,
    provider: string,
    message: string,
    cause?: unknown,
    options: { resetOnReusedConnection?: boolean } = {},
  ) {
    super(message, { cause });
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.provider = provider;
    this.retryable = kind !== 'client_closed' && kind !== 'total_timeout';
    this.resetOnReusedConnection = options.resetOnReusedConnection ?? false;
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT',
]);
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
/** The upstream reset or closed the connection (not our own client closing it). */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * Classifies whatever undici threw (or the abort reason) as an UpstreamFailure. `beforeResponse`
 * says the error came before the response headers, and on which kind of socket.
 */
export function toUpstreamFailure(
  error: unknown,
  context: {
    provider: string;
    deadline: { readonly aborted: boolean };
    clientClosed: () => boolean;
    beforeResponse?: { onReusedSocket: boolean };
  },
): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const { provider } = context;
  if (context.clientClosed()) {
    return new UpstreamFailure(
      'client_closed',
      provider,
      'The client closed the connection.',
      error,
    );
  }
  if (context.deadline.aborted) {
    return new UpstreamFailure(
      'total_timeout',
      provider,
      `${provider} did not finish in time.`,
      error,
    );
  }
  const code = errorCode(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new UpstreamFailure(
      'connect_timeout',
      provider,
      `Connecting to ${provider} timed out.`,
      error,
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new UpstreamFailure(
      'first_byte_timeout',
      provider,
      `${provider} did not start answering in time.`,
      error,
    );
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new UpstreamFailure(
      'idle_timeout',
      provider,
      `${provider} stopped sending data.`,
      error,
    );
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return new UpstreamFailure('unreachable', provider, `Could not reach ${provider}.`, error);
  }
  if (code !== undefined && LOST_CODES.has(code)) {
    return new UpstreamFailure(
      'connection_lost',
      provider,
      `The connection to ${provider} was lost.`,
      error,
      {
        resetOnReusedConnection: RESET_CODES.has(code) && !!context.beforeResponse?.onReusedSocket,
      },
    );
  }
  return new UpstreamFailure('connection_lost', provider, `The call to ${provider} failed.`, error);
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return undefined;
}
