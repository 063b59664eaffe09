// x-switchyard-warnings through the gateway: field names a header cannot carry, and thousands.
import { describe, expect, it } from 'vitest';
import { useFakeUpstreamsGateway } from '../testing/fake-upstreams-gateway.js';

const upstreams = useFakeUpstreamsGateway();

const ODD_FIELDS = { 中: 1, 'cr\rlf\n': 2, 'nul\u0000': 3 };
const messagesBody = {
  model: 'openai/gpt-4o-mini',
  max_tokens: 16,
  messages: [{ role: 'user', content: 'hi' }],
};
const chatBody = { model: 'google/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] };

function warningsOf(headers: Record<string, unknown>): string[] {
  const header = headers['x-switchyard-warnings'];
  expect(typeof header).toBe('string');
  return String(header)
    .split('; ')
    .map((warning) => decodeURIComponent(warning));
}

describe('x-switchyard-warnings', () => {
  it('names odd field names encoded on /v1/messages and google/* requests, answering 200', async () => {
    for (const [path, body] of [
      ['/v1/messages', messagesBody],
      ['/v1/chat/completions', chatBody],
    ] as const) {
      const response = await upstreams.post(path, { ...body, ...ODD_FIELDS });
      expect(response.status, path).toBe(200);
      const warnings = warningsOf(response.headers).join('\n');
      for (const field of Object.keys(ODD_FIELDS)) expect(warnings, path).toContain(field);
      expect(upstreams.outcomes.map((outcome) => outcome.status)).toEqual([200]);
      upstreams.outcomes.length = 0;
    }
  });

  it('stays short with 3,000 unknown fields, counting what it leaves out', async () => {
    const fields = Object.fromEntries(
      Array.from({ length: 3_000 }, (_, index) => [`unknown_field_${index}`, true]),
    );
    for (const [path, body] of [
      ['/v1/messages', messagesBody],
      ['/v1/chat/completions', chatBody],
    ] as const) {
      const response = await upstreams.post(path, { ...body, ...fields });
      expect(response.status, path).toBe(200);
      const header = String(response.headers['x-switchyard-warnings']);
      expect(header.length, path).toBeLessThanOrEqual(1_024);
      expect(header, path).toMatch(/; \+\d+ more$/);
      const named = warningsOf(response.headers).length - 1;
      expect(header.endsWith(`+${3_000 - named} more`), path).toBe(true);
    }
  });
});
