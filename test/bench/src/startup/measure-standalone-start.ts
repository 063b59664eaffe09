import { Pool } from 'undici';
import { chatRequestBody } from '../load/chat-request-body.js';
import { sendChatCompletion } from '../load/send-chat-completion.js';
import { readEventLoopMax } from '../processes/read-event-loop-max.js';
import type { StartedProcess } from '../processes/started-process.js';
import { waitForReady } from '../processes/wait-for-ready.js';

/** How long after its database is ready the standalone's event loop is still watched. */
const SETTLE_MS = 1_000;

/**
 * What a newcomer meets right after the banner: how long the first chat completion takes from
 * the banner, and the longest event-loop stall until the embedded database is migrated (its
 * `/readyz` passes) and a second more. `/metrics` is read at the banner (which starts the
 * window: prom-client resets its maximum on each read) alongside the first request.
 */
export async function measureStandaloneStart(options: {
  standalone: StartedProcess & { readonly bannerAt: number };
  headers: Readonly<Record<string, string>>;
  model: string;
}): Promise<{ firstRequestMs: number | undefined; eventLoopMaxMs: number | undefined }> {
  const { standalone } = options;
  const pool = new Pool(standalone.origin, { connections: 1, headersTimeout: 60_000 });
  try {
    const [, first] = await Promise.all([
      readEventLoopMax(standalone.origin),
      sendChatCompletion(
        pool,
        { 'content-type': 'application/json', ...options.headers },
        chatRequestBody(options.model, false),
      ),
    ]);
    const firstRequestMs = first.ok ? performance.now() - standalone.bannerAt : undefined;
    await waitForReady(standalone.process, standalone.origin, 60_000, standalone.output);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { firstRequestMs, eventLoopMaxMs: await readEventLoopMax(standalone.origin) };
  } finally {
    await pool.close();
  }
}
