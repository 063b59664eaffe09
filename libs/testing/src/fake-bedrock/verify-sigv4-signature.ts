import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FakeReceivedRequest } from '../fake-upstream/fake-dialect.js';
import { headerValue } from '../fake-upstream/header-value.js';
import type { BedrockErrorResponse } from './bedrock-error.js';
import type { FakeAwsCredential } from './fake-aws-credential.js';

/** What the fake checks a signature against. */
export interface SigV4Expectations {
  readonly credentials: readonly FakeAwsCredential[];
  readonly region: string;
  readonly service: string;
  /** The fake's clock, for AWS's 5-minute skew limit. */
  readonly now: () => number;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MAX_SKEW_MS = 5 * 60_000;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Verifies a request's SigV4 `authorization` the way AWS does: the key id must be known, the
 * scope must name this region and service, `x-amz-date` must be within 5 minutes, a temporary
 * key's token must be sent and signed, and the signature — recomputed with the AWS SDK's signer
 * over the headers the request says it signed, its raw path, query and body, with the secret
 * the fake knows — must match. Each refusal is Bedrock's 403 with its exception and message.
 */
export function verifySigV4Signature(
  request: FakeReceivedRequest,
  expected: SigV4Expectations,
): Promise<BedrockErrorResponse | undefined> | BedrockErrorResponse {
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization === undefined) {
    return refuse('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const match = AUTHORIZATION.exec(authorization);
  const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
  const date = AMZ_DATE.exec(amzDate);
  if (match === null || date === null) {
    return refuse(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters, and an X-Amz-Date header. Authorization=${authorization.split(' ')[0] ?? ''}`,
    );
  }
  const [, keyId, day, region, service, signedHeaders = '', signature = ''] = match;
  const credential = expected.credentials.find((entry) => entry.accessKeyId === keyId);
  if (credential === undefined) {
    return refuse(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (region !== expected.region || service !== expected.service || day !== amzDate.slice(0, 8)) {
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region and service (${expected.region}/${expected.service}).`,
    );
  }
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (Math.abs(expected.now() - signingDate.getTime()) > MAX_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      'Signature expired: the request time is too far from the server time.',
    );
  }
  const names = signedHeaders.split(';');
  const token = headerValue(request.headers, 'x-amz-security-token');
  if (
    credential.sessionToken !== undefined &&
    (token !== credential.sessionToken || !names.includes('x-amz-security-token'))
  ) {
    return refuse(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (!names.includes('host'))
    return refuse('InvalidSignatureException', "'Host' must be a signed header.");
  return recompute(request, credential, { names, signingDate, region, service, signature, token });
}

async function recompute(
  request: FakeReceivedRequest,
  credential: FakeAwsCredential,
  signed: {
    names: readonly string[];
    signingDate: Date;
    region: string;
    service: string;
    signature: string;
    token: string | undefined;
  },
): Promise<BedrockErrorResponse | undefined> {
  const headers: Record<string, string> = {};
  for (const name of signed.names) {
    if (name === 'x-amz-date' || name === 'x-amz-security-token') continue;
    headers[name] = headerValue(request.headers, name) ?? '';
  }
  const host = headers.host ?? '';
  const query: Record<string, string> = {};
  for (const [name, value] of request.url.searchParams) query[name] = value;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      ...(signed.names.includes('x-amz-security-token') &&
        signed.token !== undefined && {
          sessionToken: signed.token,
        }),
    },
    region: signed.region,
    service: signed.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const recomputed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: host.replace(/:\d+$/, ''),
      path: request.url.pathname,
      query,
      headers,
      body: request.bodyText,
    },
    { signingDate: signed.signingDate },
  );
  const ours = /Signature=([0-9a-f]{64})/.exec(String(recomputed.headers.authorization))?.[1] ?? '';
  const same =
    ours.length === signed.signature.length &&
    timingSafeEqual(Buffer.from(ours), Buffer.from(signed.signature));
  return same ? undefined : refuse('InvalidSignatureException', MISMATCH);
}

function refuse(exception: string, message: string): BedrockErrorResponse {
  return { status: 403, exception, message };
}
