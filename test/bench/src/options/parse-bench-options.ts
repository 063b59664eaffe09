import { parseArgs } from 'node:util';
import type { LoadLimit } from '../load/run-load.js';

/** How a bench run is shaped, from its command line. */
export interface BenchOptions {
  /** The measured part of every scenario, per target. */
  readonly measure: LoadLimit;
  /** Unmeasured requests before each measurement. */
  readonly warmup: number;
  /** Unmeasured requests to every target before the first scenario (JIT warm-up). */
  readonly prime: number;
  /** Most unmeasured requests per server while settling it after priming (0 skips settling). */
  readonly settleMax: number;
  readonly concurrencies: readonly number[];
  /** Content chunks per streamed answer. */
  readonly chunks: number;
  readonly peer: boolean;
  /** Whether to measure the rate-limited gateway (`switchyard-limited`). */
  readonly limited: boolean;
  /** Switchyard's LOG_LEVEL. */
  readonly logLevel: string;
  /** Streams held open at once in the open-streams scenario; 0 skips it. */
  readonly openStreams: number;
  /** The same with a coding agent's turn as each request; 0 skips it. */
  readonly openAgentStreams: number;
  /** Where Switchyard's processes write a V8 CPU profile (`--cpu-prof`) when they exit. */
  readonly cpuProfileDir: string | undefined;
  readonly help: boolean;
}

/** The text of `pnpm bench --help`. */
export const BENCH_USAGE = `Usage: pnpm bench [options]

  --requests N        measured requests per target and scenario (default 3000)
  --duration S        measure for S seconds per target and scenario instead of a request count
  --warmup N          unmeasured requests before each measurement (default 500)
  --prime N           unmeasured requests to every target before the first scenario, half chat,
                      half stream (and N/2 stream-anthropic to that scenario's targets), so V8
                      has compiled the servers' hot paths (default 4000; 0 skips)
  --settle-max N      then rounds of 2000 unmeasured requests to each server (every kind it is
                      measured on) until its CPU per request stops falling, at most N requests
                      per server; settling takes at least 8000 (default 40000; 0 skips)
  --concurrency LIST  requests in flight, comma-separated (default 1,16), for every scenario
  --chunks N          content chunks per streamed answer, OpenAI or Anthropic (default 20)
  --log-level LEVEL   Switchyard's LOG_LEVEL (default info, as the goals assume; warnings and
                      errors it logs are reported)
  --open-streams N    streams held open at once through the floor and the gateway
                      (default 2000; 0 skips the scenario)
  --open-agent-streams N
                      the same with a coding agent's ~120 KB turn as each request: what
                      the gateway keeps of a request while its answer streams (default 200;
                      0 skips)
  --cpu-prof DIR      run Switchyard's processes with --cpu-prof, profiles written to DIR when
                      they stop (summarize one with pnpm bench:profile FILE)
  --no-limited        skip switchyard-limited (the gateway with a team key under rate limits,
                      on Postgres DATABASE_URL and Redis REDIS_URL, default local ones)
  --no-peer           skip the peer gateway
  --help              this text
`;

/** Parses and validates the flags; throws one error listing every problem. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseFlags(argv);
  const problems: string[] = [];
  const integer = (
    flag: string,
    text: string | undefined,
    fallback: number,
    min: number,
  ): number => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (Number.isInteger(value) && value >= min) return value;
    problems.push(`--${flag} must be an integer ≥ ${min}, got "${text}"`);
    return fallback;
  };
  const requests = integer('requests', values.requests, 3000, 1);
  const durationSeconds = values.duration === undefined ? undefined : Number(values.duration);
  if (durationSeconds !== undefined && !(durationSeconds > 0))
    problems.push(`--duration must be > 0 seconds, got "${values.duration}"`);
  const concurrencies = (values.concurrency ?? '1,16')
    .split(',')
    .map((part) => integer('concurrency', part.trim(), 1, 1));
  const options: BenchOptions = {
    measure:
      durationSeconds !== undefined && durationSeconds > 0
        ? { durationMs: durationSeconds * 1000 }
        : { requests },
    warmup: integer('warmup', values.warmup, 500, 0),
    prime: integer('prime', values.prime, 4000, 0),
    settleMax: integer('settle-max', values['settle-max'], 40_000, 0),
    concurrencies: [...new Set(concurrencies)],
    chunks: integer('chunks', values.chunks, 20, 1),
    peer: values['no-peer'] !== true,
    limited: values['no-limited'] !== true,
    logLevel: values['log-level'] ?? 'info',
    openStreams: integer('open-streams', values['open-streams'], 2000, 0),
    openAgentStreams: integer('open-agent-streams', values['open-agent-streams'], 200, 0),
    cpuProfileDir: values['cpu-prof'],
    help: values.help === true,
  };
  if (problems.length > 0)
    throw new Error(`bad options:\n  ${problems.join('\n  ')}\n\n${BENCH_USAGE}`);
  return options;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        requests: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        prime: { type: 'string' },
        'settle-max': { type: 'string' },
        concurrency: { type: 'string' },
        chunks: { type: 'string' },
        'log-level': { type: 'string' },
        'open-streams': { type: 'string' },
        'open-agent-streams': { type: 'string' },
        'cpu-prof': { type: 'string' },
        'no-peer': { type: 'boolean' },
        'no-limited': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error: unknown) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${BENCH_USAGE}`);
  }
}
