import { SourceError } from './source-error.js';

/** What a source fetch needs: `fetch` itself (injected, so tests and proxies can swap it) and a deadline. */
export interface FetchJsonOptions {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  headers?: Readonly<Record<string, string>>;
}

/**
 * GETs `url` and parses its JSON body; a network error, a non-2xx status or a body that is not
 * JSON becomes a {@link SourceError}. `label` names the source in the message instead of the URL,
 * which may carry a key (Gemini's `?key=`).
 */
export async function fetchJson(
  url: string,
  label: string,
  options: FetchJsonOptions,
): Promise<unknown> {
  let response: Response;
  try {
    response = await options.fetch(url, {
      headers: { accept: 'application/json', ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.name : 'error';
    throw new SourceError(`${label}: request failed (${reason})`, { cause: error });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new SourceError(`${label}: HTTP ${response.status}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(`${label}: the body is not JSON`);
  }
}
