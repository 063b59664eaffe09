import { Pool } from 'undici';
import { chatRequestBody } from '../load/chat-request-body.js';
import { sendChatCompletion } from '../load/send-chat-completion.js';
import { readEventLoopMax } from '../processes/read-event-loop-max.js';
import type { StartedProcess } from '../processes/started-process.js';
import { waitForReady } from '../processes/wait-for-ready.js';

/** How long after its database is ready the standalone's event loop is still watched. */
const SETTLE_MS = 1_000;
/** Longest wait for the embedded database: past it the run goes on, the master key works. */
const READY_TIMEOUT_MS = 120_000;

/**
 * What a newcomer meets right after the banner: how long the first chat completion takes from
 * the banner, when the embedded database is migrated (its `/readyz` passes), and the longest
 * event-loop stall in two windows. `/metrics` is read at the banner alongside the first request
 * (prom-client resets its maximum on each read), again once that request is answered — the first
 * window: the request's own cost (its code compiled on first use, as in any server) and the
 * migrations running meanwhile — and once the database has been ready for a second: the second
 * window, the rest of the migrations and what they let begin (the usage consumer, the catalog
 * sync).
 */
export async function measureStandaloneStart(options: {
  standalone: StartedProcess & { readonly bannerAt: number };
  headers: Readonly<Record<string, string>>;
  model: string;
}): Promise<{
  firstRequestMs: number | undefined;
  readyMs: number | undefined;
  firstRequestEventLoopMaxMs: number | undefined;
  eventLoopMaxMs: number | undefined;
}> {
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
    const firstRequestEventLoopMaxMs = await readEventLoopMax(standalone.origin);
    let readyMs: number | undefined;
    try {
      await waitForReady(standalone.process, standalone.origin, READY_TIMEOUT_MS, () => '');
      readyMs = performance.now() - standalone.bannerAt;
    } catch (error: unknown) {
      process.stderr.write(
        `switchyard: database not ready: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return {
      firstRequestMs,
      readyMs,
      firstRequestEventLoopMaxMs,
      eventLoopMaxMs: await readEventLoopMax(standalone.origin),
    };
  } finally {
    await pool.close();
  }
}
