import { describe, expect, it } from 'vitest';
import {
  accounting,
  asMaster,
  call,
  createKey,
  createTeam,
  errorOf,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

const cursorOf = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url');

/** A 400 in the documented error body naming `param`. */
function expectInvalid(response: { status: number; body: Record<string, unknown> }, param: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(errorOf(response.body)).toMatchObject({
    type: 'invalid_request_error',
    code: 'invalid_request',
    param,
  });
}

describe('admin API: input Postgres cannot take is a 4xx, never a 500', () => {
  it('bounds limits to what the integer columns hold, naming the field', async () => {
    const teamId = await createTeam('bounds');
    const keyId = String((await createKey(teamId, 'member')).id);
    for (const field of ['rpm', 'tpm', 'max_concurrent'] as const) {
      const limits = { [field]: 2_147_483_648 };
      expectInvalid(
        await asMaster('POST', '/admin/v1/teams', { name: `t-${field}`, limits }),
        `limits.${field}`,
      );
      expectInvalid(
        await asMaster('PATCH', `/admin/v1/teams/${teamId}`, { limits }),
        `limits.${field}`,
      );
      expectInvalid(
        await asMaster('POST', '/admin/v1/keys', { name: 'k', team_id: teamId, limits }),
        `limits.${field}`,
      );
      expectInvalid(
        await asMaster('PATCH', `/admin/v1/keys/${keyId}`, { limits }),
        `limits.${field}`,
      );
    }
    const largest = await asMaster('PATCH', `/admin/v1/keys/${keyId}`, {
      limits: { rpm: 2_147_483_647, tpm: 2_147_483_647 },
    });
    expect(largest.status).toBe(200);
    expect(largest.body).toMatchObject({ limits: { rpm: 2_147_483_647, tpm: 2_147_483_647 } });
  });

  it('keeps budgets exact at any size and precision', async () => {
    const teamId = await createTeam('big-money');
    for (const limit of [
      '99999999999',
      '99999999999.999999999',
      '0.000000001',
      '12345.678901234',
    ]) {
      const created = await asMaster('POST', '/admin/v1/keys', {
        name: 'rich',
        team_id: teamId,
        budget: { limit_usd: limit, period: 'total' },
      });
      expect(created.status).toBe(201);
      expect(created.body.budget).toMatchObject({ limit_usd: limit, period: 'total' });
      const team = await asMaster('PATCH', `/admin/v1/teams/${teamId}`, {
        budget: { limit_usd: limit, period: 'month' },
      });
      expect(team.body.budget).toMatchObject({ limit_usd: limit, period: 'month' });
    }
  });

  it('answers NUL characters in filters with 400 and in ids with 404', async () => {
    const teamId = await createTeam('nul');
    const member = String((await createKey(teamId, 'member')).secret);
    for (const [url, param] of [
      ['/admin/v1/usage/events?model=a%00b', 'model'],
      ['/admin/v1/usage/events?provider=%00', 'provider'],
      ['/admin/v1/usage/events?error=%00', 'error'],
      ['/admin/v1/usage/summary?model=x%00', 'model'],
      ['/admin/v1/usage/summary?provider=x%00', 'provider'],
      ['/admin/v1/requests?model=x%00', 'model'],
      ['/admin/v1/requests?error=x%00', 'error'],
    ] as const) {
      expectInvalid(await asMaster('GET', url), param);
    }
    for (const url of [
      '/admin/v1/usage/events/req%00',
      '/admin/v1/requests/req%00',
      '/admin/v1/keys/%00',
      '/admin/v1/teams/%00',
    ]) {
      const response = await asMaster('GET', url);
      expect(response.status, url).toBe(404);
      expect(errorOf(response.body).type).toBe('invalid_request_error');
    }
    // A member key reading its own usage gets the same answers.
    expectInvalid(await call('GET', '/admin/v1/usage/events?model=%00', member), 'model');
    expect((await call('GET', '/admin/v1/requests/%00', member)).status).toBe(404);
    expectInvalid(
      await asMaster('POST', '/admin/v1/keys', {
        name: 'k',
        team_id: teamId,
        model_allowlist: ['openai/gpt\u0000'],
      }),
      'model_allowlist[0]',
    );
    expectInvalid(
      await asMaster('POST', '/admin/v1/teams', { name: 'meta', metadata: { note: 'x\ud800' } }),
      'metadata',
    );
  });

  it('refuses timestamps Postgres would refuse with 400 naming the param', async () => {
    for (const [url, param] of [
      ['/admin/v1/usage/summary?from=0000-01-01', 'from'],
      ['/admin/v1/usage/summary?to=0000-12-31', 'to'],
      ['/admin/v1/usage/summary?from=2020-02-31', 'from'],
      ['/admin/v1/usage/events?from=0000-01-01T00:00:00Z', 'from'],
      ['/admin/v1/usage/events?to=2020-02-30T00:00:00Z', 'to'],
      ['/admin/v1/requests?from=0000-06-01T00:00:00Z', 'from'],
      ['/admin/v1/usage/credentials?from=0000-01-01T00:00:00Z', 'from'],
    ] as const) {
      expectInvalid(await asMaster('GET', url), param);
    }
    // The default 30-day window before the first day there is stays in year 1.
    const early = await asMaster('GET', '/admin/v1/usage/summary?to=0001-01-05');
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ from: '0001-01-01', to: '0001-01-05' });
  });

  it('refuses cursors holding what is not a timestamp Postgres printed', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    for (const content of [
      ['1', 'req-1'],
      ['0000-01-01 00:00:00+00', 'req-1'],
      ['2020-02-31 00:00:00+00', 'req-1'],
      ['2026-11-20 10:00:01.25+00', 'req\u0000'],
    ]) {
      const cursor = cursorOf(content);
      expectInvalid(await asMaster('GET', `/admin/v1/usage/events?cursor=${cursor}`), 'cursor');
      expectInvalid(await asMaster('GET', `/admin/v1/requests?cursor=${cursor}`), 'cursor');
    }
    for (const content of [
      ['1', id],
      ['0000-01-01 00:00:00+00', id],
      ['2021-02-29 00:00:00+00', id],
    ]) {
      const cursor = cursorOf(content);
      expectInvalid(await asMaster('GET', `/admin/v1/keys?cursor=${cursor}`), 'cursor');
      expectInvalid(await asMaster('GET', `/admin/v1/teams?cursor=${cursor}`), 'cursor');
    }
  });

  it('revokes and rotates with an empty JSON body or {}', async () => {
    const teamId = await createTeam('empty-body');
    for (const action of ['rotate', 'revoke'] as const) {
      for (const payload of [undefined, '', '{}']) {
        const keyId = String((await createKey(teamId, 'member')).id);
        const response = await accounting.app.inject({
          method: 'POST',
          url: `/admin/v1/keys/${keyId}/${action}`,
          headers: {
            authorization: `Bearer ${accounting.masterKey}`,
            'content-type': 'application/json',
          },
          ...(payload !== undefined && { payload }),
        });
        expect(response.statusCode, `${action} ${JSON.stringify(payload)}`).toBe(200);
      }
    }
  });
});
