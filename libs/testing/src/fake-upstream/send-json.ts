import type { ServerResponse } from 'node:http';

/** Sends a whole JSON text with its status, `content-type`, `content-length` and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
