import { describe, expect, it } from 'vitest';
import { createCredentialSchema } from './catalog-admin-requests.js';

const credential = (secret: string) => ({ provider: 'vertex', name: 'sa', secret });

describe('createCredentialSchema', () => {
  it('takes an API key, or a JSON credential with spaces and line breaks', () => {
    expect(createCredentialSchema.safeParse(credential('sk-12345678')).success).toBe(true);
    const serviceAccount = JSON.stringify(
      {
        type: 'service_account',
        private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
      },
      null,
      2,
    );
    expect(createCredentialSchema.safeParse(credential(serviceAccount)).success).toBe(true);
  });

  it('refuses a key with spaces that is not a JSON object, naming the field', () => {
    for (const secret of [
      'sk 12345678',
      '{ "not": json }',
      '["a", "b", "c"]',
      '{"bell":"\u0007"}',
    ]) {
      const parsed = createCredentialSchema.safeParse(credential(secret));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['secret']);
    }
  });
});
