import { parseArgs } from 'node:util';
import type { RequestBody } from '../load/bench-target.js';
import { AB_SCENARIO_KINDS, type ScenarioKind } from '../scenario/scenario.js';

/** How an A/B run is shaped, from its command line. */
export interface AbOptions {
  /** The git revision whose gateway is the base (A); the working tree is the change (B). */
  readonly base: string;
  readonly kind: ScenarioKind;
  readonly concurrency: number;
  /** What each request carries: a short question, or a coding agent's ~120 KB turn. */
  readonly body: RequestBody;
  /** Measured rounds per side, after one unmeasured round each; even, so each side leads half. */
  readonly rounds: number;
  readonly requests: number;
  readonly warmup: number;
  /** Most unmeasured requests per gateway while settling it before the rounds (0 skips). */
  readonly settleMax: number;
  /** Node flags the change's gateway (B) alone runs with, e.g. a V8 flag measured on one tree. */
  readonly changeFlags: readonly string[];
  readonly help: boolean;
}

const REQUEST_BODIES: readonly RequestBody[] = ['short', 'agent'];

/** The text of `pnpm bench:ab --help`. */
export const AB_USAGE = `Usage: pnpm bench:ab [options]

Two rate-limited gateways (team key under limits, usage published to NATS) in front of one fast
upstream, one built from --base and one from the working tree, measured in alternating rounds in
one run: what a change costs or saves, resolved far below the noise of separate bench runs.

  --base REF          git revision of the base gateway (default HEAD)
  --scenario KIND     chat, stream, stream-anthropic (the OpenAI stream translated from an
                      Anthropic upstream), messages-native (an Anthropic Messages stream) or
                      responses-native (an OpenAI Responses stream, passed through to an
                      upstream that speaks it) (default stream, 20 content chunks)
  --concurrency N     requests in flight (default 16)
  --body KIND         short (a one-line question) or agent (a coding agent's ~120 KB turn: long
                      system prompt, 18 tools, 30 earlier tool calls) (default short)
  --rounds N          measured rounds per gateway, after one unmeasured round each; even, so each
                      goes first in half of them (default 6)
  --requests N        measured requests per round (default 2000)
  --warmup N          unmeasured requests before each round (default 300)
  --settle-max N      first, rounds of 2000 unmeasured requests to each gateway until its CPU per
                      request stops falling, at most N; at least 8000 to settle (default 40000;
                      0 skips)
  --change-flags="F"  node flags for the working tree's gateway only, space-separated, given
                      with = (with a clean tree and --base HEAD: what a flag alone does)
  --help              this text
`;

/** Parses and validates the flags; throws one error listing every problem. */
export function parseAbOptions(argv: readonly string[]): AbOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        base: { type: 'string' },
        scenario: { type: 'string' },
        concurrency: { type: 'string' },
        body: { type: 'string' },
        rounds: { type: 'string' },
        requests: { type: 'string' },
        warmup: { type: 'string' },
        'settle-max': { type: 'string' },
        'change-flags': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error: unknown) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${AB_USAGE}`);
  }
  const problems: string[] = [];
  const integer = (flag: string, fallback: number, min: number): number => {
    const text = values[flag];
    if (typeof text !== 'string') return fallback;
    const value = Number(text);
    if (Number.isInteger(value) && value >= min) return value;
    problems.push(`--${flag} must be an integer ≥ ${min}, got "${text}"`);
    return fallback;
  };
  const kindText = values.scenario ?? 'stream';
  const kind = AB_SCENARIO_KINDS.find((known) => known === kindText);
  if (kind === undefined)
    problems.push(
      `--scenario must be one of ${AB_SCENARIO_KINDS.join(', ')}, got "${String(kindText)}"`,
    );
  const bodyText = values.body ?? 'short';
  const body = REQUEST_BODIES.find((known) => known === bodyText);
  if (body === undefined)
    problems.push(`--body must be one of ${REQUEST_BODIES.join(', ')}, got "${String(bodyText)}"`);
  const base = typeof values.base === 'string' ? values.base : 'HEAD';
  if (base.startsWith('-')) problems.push(`--base must be a git revision, got "${base}"`);
  const flagsText = values['change-flags'];
  const changeFlags =
    typeof flagsText === 'string' ? flagsText.split(' ').filter((flag) => flag !== '') : [];
  for (const flag of changeFlags) {
    if (!flag.startsWith('-')) problems.push(`--change-flags takes node flags, got "${flag}"`);
  }
  const options: AbOptions = {
    base,
    kind: kind ?? 'stream',
    concurrency: integer('concurrency', 16, 1),
    body: body ?? 'short',
    rounds: integer('rounds', 6, 2),
    requests: integer('requests', 2000, 1),
    warmup: integer('warmup', 300, 0),
    settleMax: integer('settle-max', 40_000, 0),
    changeFlags,
    help: values.help === true,
  };
  if (options.rounds % 2 !== 0) problems.push(`--rounds must be even, got ${options.rounds}`);
  if (problems.length > 0)
    throw new Error(`bad options:\n  ${problems.join('\n  ')}\n\n${AB_USAGE}`);
  return options;
}
