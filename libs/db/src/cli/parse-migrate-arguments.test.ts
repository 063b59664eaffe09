import { describe, expect, it } from 'vitest';
import { parseMigrateArguments } from './parse-migrate-arguments.js';

const environment = { DATABASE_URL: 'postgres://postgres@db:5432/switchyard' };

describe('parseMigrateArguments', () => {
  it('migrates every schema up from DATABASE_URL, waiting 60 s, by default', () => {
    expect(parseMigrateArguments(['up'], environment)).toEqual({
      ok: true,
      arguments: {
        command: 'up',
        schemas: ['accounting', 'catalog'],
        target: { url: 'postgres://postgres@db:5432/switchyard' },
        waitSeconds: 60,
      },
    });
  });

  it('takes one schema, a PGlite directory and a wait', () => {
    expect(
      parseMigrateArguments(
        ['status', '--schema', 'catalog', '--pglite', '.switchyard/pgdata', '--wait-seconds', '5'],
        {},
      ),
    ).toEqual({
      ok: true,
      arguments: {
        command: 'status',
        schemas: ['catalog'],
        target: { pgliteDataDir: '.switchyard/pgdata' },
        waitSeconds: 5,
      },
    });
  });

  it.each([
    [[], {}, 'a command is needed'],
    [['sideways'], environment, 'unknown command "sideways"'],
    [['up', 'now'], environment, 'unexpected argument(s): now'],
    [['up', '--schema', 'billing'], environment, 'unknown schema "billing"'],
    [['down'], environment, 'down reverts one schema at a time'],
    [['down', '--schema', 'all'], environment, 'down reverts one schema at a time'],
    [['up', '--wait-seconds=-1'], environment, '--wait-seconds must be a whole number'],
    [['up', '--wait-seconds', 'soon'], environment, '--wait-seconds must be a whole number'],
    [['up'], {}, 'no database: set DATABASE_URL or pass --pglite <dir>'],
    [['up'], { DATABASE_URL: '  ' }, 'no database'],
    [['up', '--verbose'], environment, "Unknown option '--verbose'"],
  ])('refuses %j', (argv, env, message) => {
    const parsed = parseMigrateArguments(argv, env);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});
