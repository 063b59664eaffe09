import type { UpstreamRequest } from '../provider-adapter.js';
import type { AwsCredentials } from './aws-credentials.js';

type SignerModules = [
  typeof import('@smithy/signature-v4'),
  typeof import('@aws-crypto/sha256-js'),
];

/** The AWS SDK's signer, loaded with the first signature: most gateways never sign (~6 MB RSS). */
let signerModules: Promise<SignerModules> | undefined;
const loadSignerModules = (): Promise<SignerModules> =>
  (signerModules ??= Promise.all([
    import('@smithy/signature-v4'),
    import('@aws-crypto/sha256-js'),
  ]));

/** Where and when a request is signed. */
export interface SigV4Scope {
  /** `us-east-1`, … */
  readonly region: string;
  /** The signing name (`bedrock` for the Bedrock runtime). */
  readonly service: string;
  /** The signing time: the caller's clock, so signing stays pure and testable. */
  readonly signingDate: Date;
}

/**
 * The request signed with AWS Signature Version 4 by the AWS SDK's own signer
 * (`@smithy/signature-v4`, SHA-256 from `@aws-crypto/sha256-js`): `authorization`, `x-amz-date`
 * and, for temporary credentials, `x-amz-security-token` are added. `host` is signed but not
 * returned, as the HTTP client sends the same one. The headers present when signing are the
 * signed ones: headers added afterwards (trace context) are not part of the signature.
 */
export async function signSigV4Request(
  request: UpstreamRequest,
  credentials: AwsCredentials,
  scope: SigV4Scope,
): Promise<UpstreamRequest> {
  const [{ SignatureV4 }, { Sha256 }] = await loadSignerModules();
  const url = new URL(request.url);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken !== undefined && { sessionToken: credentials.sessionToken }),
    },
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
    // The payload hash is in the canonical request either way; no extra header is needed.
    applyChecksum: false,
  });
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port !== '' && { port: Number(url.port) }),
      path: url.pathname,
      query,
      headers: Object.assign({}, request.headers, { host: url.host }),
      body: request.body,
    },
    { signingDate: scope.signingDate },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name.toLowerCase() !== 'host') headers[name] = String(value);
  }
  return { ...request, headers };
}
