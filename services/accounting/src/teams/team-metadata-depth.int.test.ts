import { describe, expect, it } from 'vitest';
import { accounting, asMaster, useAdminApi } from '../testing/admin-api-test-client.js';

useAdminApi();

describe('team metadata nesting', () => {
  it('refuses metadata nested 10,000 levels deep with a 400, and keeps serving', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const refused = await accounting.app.inject({
      method: 'POST',
      url: '/admin/v1/teams',
      headers: {
        authorization: `Bearer ${accounting.masterKey}`,
        'content-type': 'application/json',
      },
      // A string: the object itself is too deep for JSON.stringify.
      payload: `{"name":"deep","metadata":{"nested":${deep}}}`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_request',
      message: expect.stringContaining('128 levels'),
    });
    const created = await asMaster('POST', '/admin/v1/teams', {
      name: 'shallow',
      metadata: { nested: { a: { b: 1 } } },
    });
    expect(created.status).toBe(201);
  });
});
