import { randomBytes } from 'node:crypto';

/** One request as the client saw it. */
export interface ClientOutcome {
  /** The `x-request-id` sent: the ledger's `client_request_id`. */
  id: string;
  /** Index of the gateway it was sent to. */
  target: number;
  stream: boolean;
  /** HTTP status; 0 when no response came (connection refused or reset, timeout). */
  status: number;
  /** A 200 whose body arrived whole (a stream through its `[DONE]`): the client got its answer. */
  completed: boolean;
  startedAt: number;
  finishedAt: number;
}

/** Options of {@link startClientLoad}. */
export interface ClientLoadOptions {
  /** Gateway origins, read before every request (a restarted gateway keeps its origin). */
  origins: readonly string[];
  /** The API key the requests carry. */
  secret: string;
  /** Workers per gateway, each sending one request at a time. */
  concurrencyPerTarget?: number;
  /** Pause between one worker's requests: keeps the load steady, not a flood. */
  pauseMs?: number;
  /** Hard bounds: the load ends at whichever comes first, or at `stop()`. */
  maxRequests: number;
  maxDurationMs: number;
  /** Prefix of the request ids, to tell loads apart in the ledger. */
  label: string;
}

/** A running load; `stop()` waits for the requests in flight and returns every outcome. */
export interface ClientLoad {
  readonly outcomes: readonly ClientOutcome[];
  stop(): Promise<ClientOutcome[]>;
  /** Resolves when the load ended by itself (count or time bound). */
  finished: Promise<ClientOutcome[]>;
}

async function sendOne(
  origin: string,
  secret: string,
  id: string,
  stream: boolean,
): Promise<{ status: number; completed: boolean }> {
  try {
    const response = await fetch(`${origin}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secret}`,
        'content-type': 'application/json',
        'x-request-id': id,
      },
      body: JSON.stringify({
        model: 'fake/chat',
        messages: [{ role: 'user', content: `fault ${id}` }],
        max_tokens: 16,
        ...(stream && { stream: true, stream_options: { include_usage: true } }),
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    const whole = stream ? text.includes('data: [DONE]') : text.includes('"choices"');
    return { status: response.status, completed: response.status === 200 && whole };
  } catch {
    return { status: 0, completed: false };
  }
}

/** Starts a steady, bounded load of mixed JSON and streamed chat requests over the gateways. */
export function startClientLoad(options: ClientLoadOptions): ClientLoad {
  const outcomes: ClientOutcome[] = [];
  const deadline = Date.now() + options.maxDurationMs;
  const runId = randomBytes(3).toString('hex');
  let sent = 0;
  let stopped = false;
  const keepGoing = () => !stopped && sent < options.maxRequests && Date.now() < deadline;
  const worker = async (target: number) => {
    while (keepGoing()) {
      const index = sent++;
      const id = `${options.label}-${runId}-${index}`;
      const stream = index % 3 === 0;
      const startedAt = Date.now();
      const origin = options.origins[target] ?? '';
      const result = await sendOne(origin, options.secret, id, stream);
      outcomes.push({ id, target, stream, ...result, startedAt, finishedAt: Date.now() });
      // A refused connection returns at once: pause longer so a dead gateway is not spun on.
      const pause = result.status === 0 ? 200 : (options.pauseMs ?? 50);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };
  const workers = options.origins.flatMap((_, target) =>
    Array.from({ length: options.concurrencyPerTarget ?? 2 }, () => worker(target)),
  );
  const finished = Promise.all(workers).then(() => outcomes);
  return {
    outcomes,
    finished,
    stop: async () => {
      stopped = true;
      return finished;
    },
  };
}

/** Outcomes counted by status, e.g. `200×812 402×40 0×3`. */
export function describeStatuses(outcomes: readonly { status: number }[]): string {
  const counts = new Map<number, number>();
  for (const outcome of outcomes) counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([left], [right]) => left - right)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
}
