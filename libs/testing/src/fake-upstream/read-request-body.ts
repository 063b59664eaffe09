import type { IncomingMessage } from 'node:http';

/** The request body, both as text and, when it parses, as JSON. */
export interface RequestBody {
  readonly text: string;
  readonly json: { readonly ok: true; readonly value: unknown } | { readonly ok: false };
}

/** Reads the whole body and tries to parse it as JSON. */
export async function readRequestBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<unknown>) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    return { text, json: { ok: true, value } };
  } catch {
    return { text, json: { ok: false } };
  }
}
