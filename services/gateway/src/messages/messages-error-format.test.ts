import { loadConfig } from '@switchyard/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';

let gateway: GatewayApp;
beforeAll(() => {
  const config = loadConfig({ env: { LOG_LEVEL: 'silent' } });
  gateway = buildGatewayApp({ ...config, masterKey: 'sk-sy-unit-master' });
});
afterAll(async () => {
  await gateway?.app.close();
});

const anthropicError = (type: string, message: string) => ({
  type: 'error',
  error: { type, message },
});

describe('errors under /v1/messages in Anthropic shape', () => {
  it('answers a wrong method on /v1/messages with a 404 not_found_error', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/v1/messages' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual(
      anthropicError('not_found_error', 'No route for GET /v1/messages.'),
    );
  });

  it('answers an unknown path below /v1/messages with a 404 not_found_error', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/messages/batches?beta=true',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual(
      anthropicError('not_found_error', 'No route for POST /v1/messages/batches.'),
    );
  });

  it('answers a bad % escape below /v1/messages with a 400 invalid_request_error', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/v1/messages/%zz' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
  });

  it('keeps the OpenAI shape elsewhere, /v1/messagesX included', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/v1/messagesX' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        message: 'No route for GET /v1/messagesX.',
        type: 'invalid_request_error',
        code: 'not_found',
        param: null,
      },
    });
  });
});
