import { Pool } from 'undici';
import type { BenchTarget } from './bench-target.js';
import { chatRequestBody } from './chat-request-body.js';
import { sendChatCompletion } from './send-chat-completion.js';
import { sendChatStream } from './send-chat-stream.js';

/** Sends one chat completion and one stream; resolves with why the target fails, or undefined. */
export async function probeTarget(target: BenchTarget): Promise<string | undefined> {
  const pool = new Pool(target.origin, {
    connections: 1,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const headers = { 'content-type': 'application/json', ...target.headers };
  try {
    const chat = await sendChatCompletion(pool, headers, chatRequestBody(target.model, false));
    if (!chat.ok) return `chat completion failed: ${chat.error}`;
    const stream = await sendChatStream(pool, headers, chatRequestBody(target.model, true));
    if (!stream.ok) return `streamed chat completion failed: ${stream.error}`;
    return undefined;
  } finally {
    await pool.close();
  }
}
