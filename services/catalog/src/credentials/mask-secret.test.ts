import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask-secret.js';

describe('maskSecret', () => {
  it('shows a prefix and the last four characters only', () => {
    expect(maskSecret('sk-proj-abcdefghijklmnop1234')).toBe('sk-…1234');
    expect(maskSecret('AIzaSyAbcdefghijklmnop9876')).toBe('…9876');
    expect(maskSecret('short')).toBe('…rt');
  });

  it('shows whose a JSON credential is, never its secret fields', () => {
    const serviceAccount = JSON.stringify({
      type: 'service_account',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
      client_email: 'gateway@acme.iam.gserviceaccount.com',
    });
    expect(maskSecret(serviceAccount)).toBe('json:gateway@acme.iam.gserviceaccount.com');
    const principal = '{"tenant_id":"t","client_id":"c-1","client_secret":"s3cr3t-value"}';
    expect(maskSecret(principal)).toBe('json:c-1');
    expect(maskSecret('{"client_secret":"s3cr3t-value"}')).toBe('json:…');
  });
});
