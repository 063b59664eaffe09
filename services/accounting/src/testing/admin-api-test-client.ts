/** The admin API's integration tests' client: the service on a fresh database, calls as a key. */
import { afterAll, beforeAll, expect } from 'vitest';
import { startAccountingForTest, type TestAccounting } from './start-accounting-for-test.js';

export let accounting: TestAccounting;

/** Starts this file's accounting service (fresh database) before its tests, stops it after. */
export function useAdminApi(): void {
  beforeAll(async () => {
    accounting = await startAccountingForTest();
  });
  afterAll(async () => {
    await accounting?.stop();
  });
}

export type Json = Record<string, unknown>;

export async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  key: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await accounting.app.inject({
    method,
    url,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    ...(body !== undefined && { payload: body as Json }),
  });
  return { status: response.statusCode, body: response.json<Json>() };
}

export const asMaster = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) => call(method, url, accounting.masterKey, body);

export async function createTeam(name: string): Promise<string> {
  const response = await asMaster('POST', '/admin/v1/teams', { name });
  expect(response.status).toBe(201);
  return String(response.body.id);
}

export async function createKey(teamId: string, role: string, name = `key-${role}`): Promise<Json> {
  const response = await asMaster('POST', '/admin/v1/keys', { name, team_id: teamId, role });
  expect(response.status).toBe(201);
  return response.body;
}

export function errorOf(body: Json): Json {
  return body.error as Json;
}
