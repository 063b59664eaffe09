import { connect } from 'node:net';
import type { CaseResponse } from './case-response.js';

/**
 * Writes `bytes` to the server over a fresh TCP connection and parses what comes back before the
 * server closes it: for requests fetch refuses to send (no Host, broken request lines).
 */
export function rawHttpExchange(
  origin: string,
  bytes: string,
  timeoutMs: number,
): Promise<CaseResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) });
    const finish = (error?: string) => {
      socket.destroy();
      clearTimeout(timer);
      const received = Buffer.concat(chunks).toString('latin1');
      if (error !== undefined && received === '') resolve({ kind: 'transport-error', error });
      else resolve(parseRawResponse(received));
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('error', (error) => finish(error.message));
    socket.write(bytes, 'latin1');
  });
}

function parseRawResponse(text: string): CaseResponse {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0)
    return {
      kind: 'transport-error',
      error: `no complete response: ${JSON.stringify(text.slice(0, 200))}`,
    };
  const [statusLine = '', ...lines] = text.slice(0, headEnd).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) {
    return { kind: 'transport-error', error: `bad status line ${JSON.stringify(statusLine)}` };
  }
  const headers = lines.map((line): readonly [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  const rawBody = text.slice(headEnd + 4);
  const chunked = headers.some(
    ([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value),
  );
  const body = Buffer.from(chunked ? decodeChunked(rawBody) : rawBody, 'latin1').toString('utf8');
  return { kind: 'response', status, headers, body };
}

function decodeChunked(text: string): string {
  let rest = text;
  let body = '';
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (lineEnd < 0 || !Number.isFinite(size) || size === 0) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 4 + size);
  }
}
