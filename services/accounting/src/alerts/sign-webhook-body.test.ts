import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './sign-webhook-body.js';

const secret = 'whsec-0123456789abcdef';
const body = '{"type":"budget.threshold","threshold_percent":80}';

describe('signWebhookBody', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 of the secret, hex', () => {
    const expected = createHmac('sha256', secret).update(`1900000000.${body}`).digest('hex');
    expect(signWebhookBody(secret, 1_900_000_000, body)).toBe(`t=1900000000,v1=${expected}`);
  });
});

describe('verifyWebhookSignature', () => {
  const header = signWebhookBody(secret, 1_900_000_000, body);

  it('accepts its own signature within the tolerance', () => {
    expect(verifyWebhookSignature(secret, header, body, 1_900_000_100)).toBe(true);
  });

  it('refuses another body, another secret, an old timestamp and a mangled header', () => {
    expect(verifyWebhookSignature(secret, header, `${body} `, 1_900_000_000)).toBe(false);
    expect(verifyWebhookSignature('another-secret-value', header, body, 1_900_000_000)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 1_900_000_301)).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=abc', body, 1_900_000_000)).toBe(false);
    const forged = header.replace('t=1900000000', 't=1900000001');
    expect(verifyWebhookSignature(secret, forged, body, 1_900_000_000)).toBe(false);
  });
});
