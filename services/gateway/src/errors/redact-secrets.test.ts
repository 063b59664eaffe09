import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('removes the credential used and anything shaped like a provider key', () => {
    const message =
      'Incorrect API key provided: my-custom-token-42. Also seen: sk-proj-abcdEFGH1234, sk-ant-api03-xyzxyzxyz, AIzaSyA1234567890abcdefghijk and Bearer abc.def.ghi-123';
    const redacted = redactSecrets(message, ['my-custom-token-42']);
    for (const secret of [
      'my-custom-token-42',
      'sk-proj-abcdEFGH1234',
      'sk-ant-api03',
      'AIzaSy',
      'abc.def.ghi-123',
    ]) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toMatch(/^Incorrect API key provided: \[redacted\]\./);
  });

  it('removes OAuth tokens and private keys the cloud providers could echo', () => {
    const message =
      'token ya29.a0AfB_byC1234567890abcdefXYZ rejected; jwt eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZSJ9.c2lnbmF0dXJl; key "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n"';
    const redacted = redactSecrets(message, []);
    for (const secret of ['ya29.a0AfB', 'eyJ0eXAi', 'eyJhdWQi', 'MIIEvQIBADANBg']) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toBe('token [redacted] rejected; jwt [redacted]; key "[redacted]\\n"');
  });

  it('leaves ordinary messages alone', () => {
    expect(redactSecrets('max_tokens is too large: 99999', [undefined])).toBe(
      'max_tokens is too large: 99999',
    );
  });
});
