import { connectNatsBus } from '@switchyard/bus';
import { createDatabase } from '@switchyard/db';
import { redactUrl } from '../limited/redact-url.js';
import type { UsageBenchUrls } from './read-usage-bench-urls.js';

/**
 * Whether NATS (with JetStream) and Postgres answer within a few seconds; resolves with what is
 * wrong, one line per service, or an empty list.
 */
export async function checkUsageServices(urls: UsageBenchUrls): Promise<string[]> {
  const problems: string[] = [];
  try {
    const bus = await connectNatsBus({
      url: urls.natsUrl,
      name: 'bench-usage-check',
      connectTimeoutMs: 2_000,
    });
    await bus.close();
  } catch (error: unknown) {
    problems.push(`NATS at ${redactUrl(urls.natsUrl)} is unreachable (${describe(error)})`);
  }
  const database = createDatabase({
    url: urls.databaseUrl,
    maxConnections: 1,
    connectionTimeoutMs: 2_000,
  });
  try {
    await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (error: unknown) {
    problems.push(`Postgres at ${redactUrl(urls.databaseUrl)} is unreachable (${describe(error)})`);
  } finally {
    await database.close();
  }
  return problems;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    const message = error.message === '' ? error.name : error.message;
    return code === undefined || message.includes(code) ? message : `${code}: ${message}`;
  }
  return String(error);
}
