/** How one POST to a webhook went. */
export type WebhookOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string };

/** Options of {@link postWebhook}. */
export interface PostWebhookOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole call, connect to response headers. */
  timeoutMs: number;
}

/**
 * POSTs one webhook body: a 2xx is delivered, anything else (another status, a timeout, a
 * refused connection) a failure with a short reason for the delivery log (`HTTP 500`, `timed
 * out`, `connection failed: ECONNREFUSED`). Redirects are not followed (a signed body is for the
 * URL configured). Never throws; the reason never holds the URL, which for Slack is itself a
 * secret, nor what the receiver answered.
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
    // The answer's body is dropped unread: the delivery log, which team_admins read, must not
    // become a way to read what some internal URL returns.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, status: response.status };
    }
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error: unknown) {
    return { ok: false, status: null, error: describeFailure(error) };
  }
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
