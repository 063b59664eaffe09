import { connect } from 'node:net';
import type { StoreUrls } from '../options/read-store-urls.js';
import { encodeRedisCommand } from './encode-redis-command.js';
import { redactUrl } from './redact-url.js';

/**
 * Whether Postgres accepts a connection and Redis answers PING within `timeoutMs` each; resolves
 * with what is wrong, or undefined. Checked first so an absent store costs seconds, not a hang.
 */
export async function checkStores(urls: StoreUrls, timeoutMs = 2_000): Promise<string | undefined> {
  const postgres = await talk(urls.databaseUrl, 5432, timeoutMs, [], () => true);
  if (postgres !== undefined)
    return `Postgres at ${redactUrl(urls.databaseUrl)} is unreachable (${postgres})`;
  const redis = await pingRedis(urls.redisUrl, timeoutMs);
  if (redis !== undefined) return `Redis at ${redactUrl(urls.redisUrl)} ${redis}`;
  return undefined;
}

async function pingRedis(text: string, timeoutMs: number): Promise<string | undefined> {
  const url = parseUrl(text);
  if (url === undefined) return 'is not a URL';
  if (url.protocol !== 'redis:') return `has scheme ${url.protocol} (the bench checks redis: only)`;
  const commands: string[][] = [];
  if (url.password !== '')
    commands.push(
      url.username === ''
        ? ['AUTH', decodeURIComponent(url.password)]
        : ['AUTH', decodeURIComponent(url.username), decodeURIComponent(url.password)],
    );
  commands.push(['PING']);
  // RESP replies: `+PONG` is the answer to PING; a line starting with `-` is an error.
  const problem = await talk(text, 6379, timeoutMs, commands, (received) => {
    const error = /^-(.*)\r$/m.exec(received)?.[1];
    if (error !== undefined) throw new Error(`answered: ${error}`);
    return received.includes('+PONG\r\n');
  });
  return problem === undefined ? undefined : `does not answer PING (${problem})`;
}

/** Connects, writes `commands`, and waits until `done(received)`; resolves with the failure. */
function talk(
  text: string,
  defaultPort: number,
  timeoutMs: number,
  commands: readonly string[][],
  done: (received: string) => boolean,
): Promise<string | undefined> {
  const url = parseUrl(text);
  const host = url?.hostname.replace(/^\[|\]$/g, '');
  if (url === undefined || host === undefined || host === '')
    return Promise.resolve('not a URL with a host');
  const port = url.port === '' ? defaultPort : Number(url.port);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let received = '';
    const finish = (problem: string | undefined) => {
      socket.destroy();
      resolve(problem);
    };
    const check = () => {
      try {
        if (done(received)) finish(undefined);
      } catch (error: unknown) {
        finish(error instanceof Error ? error.message : String(error));
      }
    };
    socket.setTimeout(timeoutMs, () => finish(`no answer within ${timeoutMs} ms`));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.once('connect', () => {
      for (const command of commands) socket.write(encodeRedisCommand(command));
      check();
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      check();
    });
  });
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
