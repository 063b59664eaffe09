import { describe, expect, it } from 'vitest';
import { jsonAnswer } from './answer.js';
import { captureBodies } from './capture-bodies.js';

describe('captureBodies', () => {
  it('keeps the request and the answer as JSON, with credentials redacted', () => {
    const bodies = captureBodies({
      request: {
        model: 'm',
        messages: [
          { role: 'user', content: 'my key is sk-proj-abcdefghijklmnop and AKIAABCDEFGHIJKLMNOP' },
        ],
        metadata: { api_key: 'plain-looking', password: 'hunter2', max_tokens: 5 },
      },
      answer: jsonAnswer({
        choices: [{ message: { content: 'upstream said upstream-secret-1' } }],
      }),
      maxBytes: 65_536,
      secrets: ['upstream-secret-1'],
    });
    expect(bodies.request_truncated).toBe(false);
    expect(bodies.request).not.toMatch(/sk-proj|AKIA|plain-looking|hunter2/);
    expect(JSON.parse(bodies.request)).toMatchObject({
      metadata: { api_key: '[redacted]', password: '[redacted]', max_tokens: 5 },
    });
    expect(bodies.response).toBe(
      '{"choices":[{"message":{"content":"upstream said [redacted]"}}]}',
    );
    expect(bodies.response_truncated).toBe(false);
  });

  it('cuts each body to the cap in UTF-8 bytes, never through a character', () => {
    const bodies = captureBodies({
      request: { text: 'é'.repeat(5_000) },
      answer: undefined,
      maxBytes: 1_025,
      secrets: [],
    });
    expect(bodies.request_truncated).toBe(true);
    expect(Buffer.byteLength(bodies.request)).toBeLessThanOrEqual(1_025);
    expect(bodies.request).not.toContain('\uFFFD');
    expect(bodies.response).toBeNull();
  });

  it('redacts a secret that straddles the cap instead of keeping half of it', () => {
    const secret = 'sk-live-0123456789abcdef0123456789';
    const text = `${'x'.repeat(1_000)} ${secret}`;
    const bodies = captureBodies({
      request: text,
      answer: undefined,
      maxBytes: 1_024,
      secrets: [],
    });
    expect(bodies.request).not.toContain('sk-live-0123');
  });
});
