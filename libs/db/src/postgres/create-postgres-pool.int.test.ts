import { createFreshPostgresDatabase, usePostgres } from '@switchyard/testing';
import { afterAll, expect, it } from 'vitest';
import { createPostgresPool } from './create-postgres-pool.js';

const server = await usePostgres();
const fresh = await createFreshPostgresDatabase(server.url);
const poolErrors: Error[] = [];
const pool = createPostgresPool({ url: fresh.url, onPoolError: (error) => poolErrors.push(error) });

afterAll(async () => {
  await pool.end();
  await fresh.drop();
  await server.stop();
});

it('survives a connection lost mid-query: the query fails, the pool reports it, no crash', async () => {
  const client = await pool.connect();
  const sleeping = client.query('select pg_sleep(10)');
  // The network, not the server, ends it: no error message arrives first, only the socket's end.
  client.connection.stream.destroy();
  await expect(sleeping).rejects.toThrow();
  client.release(true);
  // Unheard, the client's 'error' event would have been an uncaught exception (the process dies).
  expect(poolErrors.length).toBeGreaterThan(0);
  const { rows } = await pool.query<{ one: number }>('select 1 as one');
  expect(rows).toEqual([{ one: 1 }]);
});
