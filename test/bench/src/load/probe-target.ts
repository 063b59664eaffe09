import { Pool } from 'undici';
import type { BenchTarget } from './bench-target.js';
import { buildTargetRequest } from './build-target-request.js';

/** Sends one non-streamed and one streamed request; resolves with why the target fails, or undefined. */
export async function probeTarget(target: BenchTarget): Promise<string | undefined> {
  const pool = new Pool(target.origin, {
    connections: 1,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const headers = { 'content-type': 'application/json', ...target.headers };
  const what = {
    'openai-chat': 'chat completion',
    'anthropic-messages': 'message',
    'openai-responses': 'response',
  }[target.api];
  try {
    const single = buildTargetRequest(target, false);
    const answer = await single.send(pool, headers, single.body);
    if (!answer.ok) return `${what} failed: ${answer.error}`;
    const streamed = buildTargetRequest(target, true);
    const stream = await streamed.send(pool, headers, streamed.body);
    if (!stream.ok) return `streamed ${what} failed: ${stream.error}`;
    return undefined;
  } finally {
    await pool.close();
  }
}
