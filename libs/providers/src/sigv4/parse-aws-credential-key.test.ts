import { describe, expect, it } from 'vitest';
import { parseAwsCredentialKey } from './parse-aws-credential-key.js';

describe('parseAwsCredentialKey', () => {
  it('reads an access key pair, with or without a session token', () => {
    expect(parseAwsCredentialKey('AKIDEXAMPLE:secret/with+chars')).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret/with+chars',
    });
    expect(parseAwsCredentialKey('ASIAEXAMPLE:secret:token==')).toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token==',
    });
  });

  it('refuses anything else', () => {
    for (const key of ['AKIDEXAMPLE', 'AKID:', ':secret', 'a:b:', 'a:b:c:d', '']) {
      expect(parseAwsCredentialKey(key)).toBeUndefined();
    }
  });
});
