import { connect } from 'node:net';
import { loadConfig } from '@switchyard/config';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from './app.js';

let gateway: GatewayApp;
let port: number;
beforeAll(async () => {
  const config = loadConfig({
    env: {
      LOG_LEVEL: 'silent',
      SWITCHYARD_HEADERS_TIMEOUT_MS: '200',
      SWITCHYARD_BODY_TIMEOUT_MS: '400',
    },
  });
  gateway = buildGatewayApp({ ...config, masterKey: 'sk-sy-unit-master' });
  await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  const address = gateway.app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(async () => {
  await gateway?.app.close();
});

it('answers 408 and closes a chat request whose body never comes, per SWITCHYARD_BODY_TIMEOUT_MS', async () => {
  const started = Date.now();
  const received = await new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const giveUp = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve(text);
    });
    socket.write(
      'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nauthorization: Bearer sk-sy-unit-master\r\n' +
        'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"model":',
    );
  });
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(received).toMatch(/^HTTP\/1\.1 408 /);
  expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toMatchObject({
    error: { type: 'invalid_request_error', code: 'request_timeout' },
  });
});
