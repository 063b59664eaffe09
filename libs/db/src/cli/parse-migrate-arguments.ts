import { parseArgs } from 'node:util';
import { isSchemaName, SCHEMAS, type SchemaName } from '../schemas.js';

/** What the migrate CLI was asked to do. */
export interface MigrateArguments {
  readonly command: 'up' | 'down' | 'status';
  /** In the order they run. */
  readonly schemas: readonly SchemaName[];
  readonly target: { readonly url: string } | { readonly pgliteDataDir: string };
  readonly waitSeconds: number;
}

/** The parsed arguments, or why they make no sense. */
export type ParsedMigrateArguments =
  | { readonly ok: true; readonly arguments: MigrateArguments }
  | { readonly ok: false; readonly error: string };

/** How to call the migrate CLI. */
export const MIGRATE_USAGE = `usage: migrate-cli <up|down|status> [--schema ${SCHEMAS.join('|')}|all] [--pglite <dir>] [--wait-seconds <n>]
  up       apply every pending migration (default schema: all)
  down     revert the latest migration of one schema (--schema is required)
  status   list applied, pending and unknown migrations
  The database is DATABASE_URL, or PGlite in <dir> with --pglite.
  --wait-seconds: how long to wait for the database to answer (default 60).`;

const commands = ['up', 'down', 'status'] as const;

/** Reads the CLI's arguments and `DATABASE_URL` from `environment`. */
export function parseMigrateArguments(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): ParsedMigrateArguments {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error: unknown) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { positionals, values } = parsed;
  const [command, ...extra] = positionals;
  if (command === undefined) {
    return { ok: false, error: 'a command is needed: up, down or status' };
  }
  if (!isCommand(command)) {
    return { ok: false, error: `unknown command "${command}": use up, down or status` };
  }
  if (extra.length > 0) {
    return { ok: false, error: `unexpected argument(s): ${extra.join(' ')}` };
  }
  const schema = values.schema;
  if (schema !== undefined && schema !== 'all' && !isSchemaName(schema)) {
    return { ok: false, error: `unknown schema "${schema}": use ${SCHEMAS.join(', ')} or all` };
  }
  if (command === 'down' && (schema === undefined || schema === 'all')) {
    return {
      ok: false,
      error: `down reverts one schema at a time: add --schema ${SCHEMAS.join('|')}`,
    };
  }
  const waitSeconds = values['wait-seconds'] === undefined ? 60 : Number(values['wait-seconds']);
  if (!Number.isInteger(waitSeconds) || waitSeconds < 0) {
    return {
      ok: false,
      error: `--wait-seconds must be a whole number ≥ 0, not "${values['wait-seconds']}"`,
    };
  }
  const url = environment.DATABASE_URL?.trim();
  const pgliteDataDir = values.pglite;
  if (pgliteDataDir !== undefined && pgliteDataDir.trim() === '') {
    return { ok: false, error: '--pglite needs a directory' };
  }
  if (pgliteDataDir === undefined && (url === undefined || url === '')) {
    return { ok: false, error: 'no database: set DATABASE_URL or pass --pglite <dir>' };
  }
  return {
    ok: true,
    arguments: {
      command,
      schemas: schema === undefined || schema === 'all' ? SCHEMAS : [schema],
      target: pgliteDataDir === undefined ? { url: url ?? '' } : { pgliteDataDir },
      waitSeconds,
    },
  };
}

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      schema: { type: 'string' },
      pglite: { type: 'string' },
      'wait-seconds': { type: 'string' },
    },
  });
}

function isCommand(value: string): value is MigrateArguments['command'] {
  return (commands as readonly string[]).includes(value);
}
