import { parseArgs } from 'node:util';

/** How a `pnpm bench:usage` run is shaped, from its command line. */
export interface UsageBenchOptions {
  /** Events pre-published for each accounting run. */
  readonly events: number;
  /** Events per gateway publish measurement. */
  readonly publishEvents: number;
  /** Usage events per second the paced publish measurement offers. */
  readonly publishRate: number;
  /** The consumer's batch sizes to run accounting with (its default is 500, its cap 2000). */
  readonly batchSizes: readonly number[];
  /** Pull loops of the consumer (its default is 2). */
  readonly loops: number;
  /** Share of events carrying logged bodies in the bodies runs, 0–1. */
  readonly bodyShare: number;
  /** Size of each logged body (request and response alike), bytes. */
  readonly bodyBytes: number;
  readonly publish: boolean;
  readonly accounting: boolean;
  readonly help: boolean;
}

/** The text of `pnpm bench:usage --help`. */
export const USAGE_BENCH_USAGE = `Usage: pnpm bench:usage [options]

Against NATS (NATS_URL, default nats://127.0.0.1:4222) and Postgres (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/test); every stream and database it makes is removed again.

  --events N          events pre-published for each accounting run (default 100000)
  --batch-sizes LIST  accounting consumer batch sizes, comma-separated, each ≤ 2000
                      (default 500,2000; 500 is the service's default)
  --loops N           the consumer's pull loops (default 2, the service's default)
  --body-share P      share of events with logged bodies in the bodies runs (default 0.1)
  --body-bytes B      size of each logged body, request and response (default 8192)
  --publish-events N  events per gateway publish measurement (default 20000)
  --publish-rate R    events per second offered by the paced publish measurement (default 2000)
  --no-publish        skip the gateway publish cost
  --no-accounting     skip the accounting throughput
  --help              this text
`;

/** Parses and validates the flags; throws one error listing every problem. */
export function parseUsageBenchOptions(argv: readonly string[]): UsageBenchOptions {
  const { values } = parseFlags(argv);
  const problems: string[] = [];
  const integer = (flag: string, text: string | undefined, fallback: number, min: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (Number.isInteger(value) && value >= min) return value;
    problems.push(`--${flag} must be an integer ≥ ${min}, got "${text}"`);
    return fallback;
  };
  const batchSizes = (values['batch-sizes'] ?? '500,2000').split(',').map((part) => {
    const size = integer('batch-sizes', part.trim(), 500, 1);
    if (size > 2_000) problems.push(`--batch-sizes: ${size} is over the consumer's cap of 2000`);
    return size;
  });
  const bodyShare = values['body-share'] === undefined ? 0.1 : Number(values['body-share']);
  if (!(bodyShare >= 0 && bodyShare <= 1))
    problems.push(`--body-share must be between 0 and 1, got "${values['body-share']}"`);
  const options: UsageBenchOptions = {
    events: integer('events', values.events, 100_000, 1),
    publishEvents: integer('publish-events', values['publish-events'], 20_000, 1),
    publishRate: integer('publish-rate', values['publish-rate'], 2_000, 1),
    batchSizes: [...new Set(batchSizes)],
    loops: integer('loops', values.loops, 2, 1),
    bodyShare,
    bodyBytes: integer('body-bytes', values['body-bytes'], 8_192, 512),
    publish: values['no-publish'] !== true,
    accounting: values['no-accounting'] !== true,
    help: values.help === true,
  };
  if (problems.length > 0)
    throw new Error(`bad options:\n  ${problems.join('\n  ')}\n\n${USAGE_BENCH_USAGE}`);
  return options;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        events: { type: 'string' },
        'batch-sizes': { type: 'string' },
        loops: { type: 'string' },
        'body-share': { type: 'string' },
        'body-bytes': { type: 'string' },
        'publish-events': { type: 'string' },
        'publish-rate': { type: 'string' },
        'no-publish': { type: 'boolean' },
        'no-accounting': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error: unknown) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n\n${USAGE_BENCH_USAGE}`,
    );
  }
}
