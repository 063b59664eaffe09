import { describe, expect, it } from 'vitest';
import { describeApiError } from './describe-api-error.js';

describe('describeApiError', () => {
  it("keeps the API's message and names the field it is about", () => {
    expect(
      describeApiError({
        status: 400,
        message: 'Invalid request: must be a positive integer',
        code: 'invalid_request',
        param: 'limits.rpm',
      }),
    ).toBe('Invalid request: must be a positive integer (field: limits.rpm)');
  });

  it('says plainly when a route is not there yet or the role may not use it', () => {
    expect(
      describeApiError({
        status: 404,
        message: 'No route for GET /admin/v1/usage/summary.',
        code: 'not_found',
        param: null,
      }),
    ).toMatch(/not available on this installation yet/);
    expect(
      describeApiError({
        status: 403,
        message: 'This key may not use this admin route.',
        code: 'insufficient_role',
        param: null,
      }),
    ).toMatch(/^Your key's role may not do this/);
  });
});
