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

  constructor(kind: UpstreamFailureKind, provider: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.provider = provider;
    this.retryable = kind !== 'client_closed' && kind !== 'total_timeout';
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

/** Classifies whatever undici threw (or the abort reason) as an UpstreamFailure. */
export function toUpstreamFailure(
  error: unknown,
  context: { provider: string; signal: AbortSignal; clientClosed: () => boolean },
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
  if (context.signal.aborted) {
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
