import { describe, expect, it } from 'vitest';
import { checkApiKey, maskApiKey } from './check-api-key.js';

describe('checkApiKey', () => {
  it('lets any request through when no keys are configured', () => {
    expect(checkApiKey(undefined, undefined)).toBeUndefined();
  });

  it('accepts a configured bearer key', () => {
    expect(checkApiKey('Bearer sk-good', ['sk-good'])).toBeUndefined();
  });

  it('rejects a wrong key with the masked key in the message', () => {
    const result = checkApiKey('Bearer sk-abcdefghijklmnopwxyz', ['sk-good']);
    expect(result?.status).toBe(401);
    expect(result?.error.code).toBe('invalid_api_key');
    expect(result?.error.message).toContain(`sk-abcde${'*'.repeat(11)}wxyz.`);
    expect(result?.error.message).not.toContain('sk-abcdefghijklmnopwxyz');
  });

  it('rejects a missing key with OpenAI’s missing-key message', () => {
    const result = checkApiKey(undefined, ['sk-good']);
    expect(result?.status).toBe(401);
    expect(result?.error.message).toMatch(/^You didn't provide an API key/);
  });
});

describe('maskApiKey', () => {
  it('keeps the length and hides the middle', () => {
    expect(maskApiKey('sk-proj-1234567890abcd')).toBe('sk-proj-**********abcd');
  });

  it('hides short keys entirely', () => {
    expect(maskApiKey('short')).toBe('*****');
  });
});
