import { descriptorFor, parseAwsCredentialKey } from '@switchyard/providers';
import type { z } from 'zod';

/** The fields of a YAML provider that SigV4 signing depends on. */
interface SigV4ProviderFields {
  type: string;
  base_url: string;
  region?: string | undefined;
  keys?: readonly { key: string }[] | null | undefined;
}

/**
 * Checks a provider entry against its auth kind: a SigV4 provider (`bedrock`) needs a region —
 * `region`, or a base URL that names one — and keys written `ACCESS_KEY_ID:SECRET[:TOKEN]`
 * (the key is never echoed); `region` means nothing to other kinds.
 */
export function addSigV4ProviderProblems(
  provider: SigV4ProviderFields,
  context: z.RefinementCtx,
): void {
  const auth = descriptorFor(provider.type)?.auth;
  if (auth?.kind !== 'sigv4') {
    if (provider.region !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['region'],
        message: `is only for SigV4-signed providers, not for type ${provider.type}`,
      });
    }
    return;
  }
  if (provider.region === undefined && auth.regionOf(provider.base_url) === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['region'],
      message: `is required: the base URL names no AWS region (e.g. region: us-east-1)`,
    });
  }
  for (const [index, entry] of (provider.keys ?? []).entries()) {
    if (parseAwsCredentialKey(entry.key) === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['keys', index],
        message:
          "must be 'ACCESS_KEY_ID:SECRET_ACCESS_KEY' or 'ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN'",
      });
    }
  }
}
