/** How one POST to a webhook went. */
export type WebhookOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string };

/** Options of {@link postWebhook}. */
export interface PostWebhookOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole call, connect to last byte read. */
  timeoutMs: number;
}

/** Most bytes of a receiver's answer read (for the delivery log's error); the rest is dropped. */
const MAX_ANSWER_BYTES = 512;

/**
 * POSTs one webhook body: a 2xx is delivered, anything else (another status, a timeout, a
 * refused connection) a failure with a short reason for the delivery log. Redirects are not
 * followed (a signed body is for the URL configured). Never throws; the reason never holds the
 * URL, which for Slack is itself a secret.
 */
export async function postWebhook(options: PostWebhookOptions): Promise<WebhookOutcome> {
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const answer = await readSome(response);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status };
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status}${answer === '' ? '' : `: ${answer}`}`,
    };
  } catch (error: unknown) {
    return { ok: false, status: null, error: describeFailure(error) };
  }
}

/** The start of a response body, and the rest of it cancelled. */
async function readSome(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks)
    .subarray(0, MAX_ANSWER_BYTES)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'timed out';
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return `connection failed: ${cause.code}`;
  return 'request failed';
}
