import { describe, expect, it } from 'vitest';
import { jsonAnswer } from './answer.js';
import { captureBodies } from './capture-bodies.js';

/** One of each credential shape the request log redacts. */
export const SECRET_SHAPES = {
  anthropic: 'sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  openai: 'sk-proj-BBBBBBBBBBBBBBBBBBBBBBBB',
  google: 'AIzaSyCCCCCCCCCCCCCCCCCCCCCCCCCCCCC',
  github: 'ghp_DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD',
  aws: 'AKIAEEEEEEEEEEEEEEEE',
  slack: 'xoxb-1111111111-FFFFFFFFFFFF',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.GGGGGGGGGGGGGGGGGGGGGGGG',
} as const;
/** What may stand right before a secret in a prompt; JSON escapes the controls into `\n`, `\t`, `\u000b`. */
const BEFORE = ['inline ', '\n', '\t', '\r\n', '\u000b', 'ENV_', '"', '='];

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
      present: undefined,
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
      present: undefined,
      maxBytes: 1_024,
      secrets: [],
    });
    expect(bodies.request_truncated).toBe(true);
    expect(Buffer.byteLength(bodies.request)).toBeLessThanOrEqual(1_024);
    expect(Buffer.byteLength(bodies.request)).toBeGreaterThan(1_020);
    expect(bodies.request).not.toContain('\uFFFD');
    expect(bodies.response).toBeNull();
  });

  it('redacts a secret that straddles the cap instead of keeping half of it', () => {
    const secret = 'sk-live-0123456789abcdef0123456789';
    const text = `${'x'.repeat(1_000)} ${secret}`;
    const bodies = captureBodies({
      request: text,
      answer: undefined,
      present: undefined,
      maxBytes: 1_024,
      secrets: [],
    });
    expect(bodies.request).not.toContain('sk-live-0123');
  });

  it('logs the answer as the client got it, and as assembled when it cannot be converted', () => {
    const answer = jsonAnswer({ choices: [{ message: { content: 'hi' } }] });
    const present = (completion: Record<string, unknown>) => ({ type: 'message', completion });
    const shown = captureBodies({ request: {}, answer, present, maxBytes: 4_096, secrets: [] });
    expect(JSON.parse(shown.response ?? '')).toMatchObject({ type: 'message' });
    const failing = () => {
      throw new Error('cannot convert');
    };
    const raw = captureBodies({
      request: {},
      answer,
      present: failing,
      maxBytes: 4_096,
      secrets: [],
    });
    expect(JSON.parse(raw.response ?? '')).toEqual({ choices: [{ message: { content: 'hi' } }] });
  });

  it('logs a body already at hand as written, and says when a stream was cut short', () => {
    const forwarded = captureBodies({
      request: {},
      answer: jsonAnswer({ data: [] }, '{"data": [ ]}'),
      present: undefined,
      maxBytes: 4_096,
      secrets: [],
    });
    expect(forwarded.response).toBe('{"data": [ ]}');
    const cut = captureBodies({
      request: {},
      answer: { completionTokens: () => 0, json: () => ({}), truncated: true },
      present: undefined,
      maxBytes: 4_096,
      secrets: [],
    });
    expect(cut.response_truncated).toBe(true);
  });

  it('redacts every credential shape after a newline, a tab, a word character or ENV_', () => {
    for (const [shape, secret] of Object.entries(SECRET_SHAPES)) {
      const content = BEFORE.map((before) => `${before}${secret}`).join(' ');
      const bodies = captureBodies({
        request: { messages: [{ role: 'user', content }] },
        answer: jsonAnswer({ choices: [{ message: { content } }] }),
        present: undefined,
        maxBytes: 65_536,
        secrets: [],
      });
      const stored = `${bodies.request}${bodies.response}`;
      expect(stored, shape).not.toContain(secret.slice(0, 12));
      expect(stored.match(/\[redacted\]/g), shape).toHaveLength(BEFORE.length * 2);
    }
  });

  it('redacts the upstream key wherever it stands, as sent or JSON-escaped', () => {
    const key = 'plain"key\\with-quote';
    const bodies = captureBodies({
      request: { note: `x${key}y\nupstream-9f8e7d6c5b`, other: 'upstream-9f8e7d6c5b' },
      answer: undefined,
      present: undefined,
      maxBytes: 65_536,
      secrets: [key, 'upstream-9f8e7d6c5b'],
    });
    expect(JSON.parse(bodies.request)).toEqual({
      note: 'x[redacted]y\n[redacted]',
      other: '[redacted]',
    });
  });

  it('leaves words that merely contain a prefix alone', () => {
    const text = 'risk-assessment-framework and desk-reference-manual, high_ghost';
    const bodies = captureBodies({
      request: { text },
      answer: undefined,
      present: undefined,
      maxBytes: 65_536,
      secrets: [],
    });
    expect(JSON.parse(bodies.request)).toEqual({ text });
  });
});
