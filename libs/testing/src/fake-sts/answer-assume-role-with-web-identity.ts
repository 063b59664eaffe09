import type { FakeAwsCredential } from '../fake-bedrock/fake-aws-credential.js';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { escapeXml, type StsErrorResponse } from './sts-error.js';

/** What the fake STS trusts and what it hands out. */
export interface FakeStsPolicy {
  readonly roleArn: string;
  readonly webIdentityToken: string;
  /** Handed out in turn, one set per call (the last repeats). */
  readonly credentials: readonly FakeAwsCredential[];
  /** How long issued credentials live. */
  readonly lifetimeMs: number;
  readonly now: () => number;
}

/**
 * STS `AssumeRoleWithWebIdentity` (query protocol: a form-encoded POST to `/`): the role must be
 * the trusted one and the token the expected one (else `AccessDenied` / `InvalidIdentityToken`);
 * the answer is the next temporary credentials with their `Expiration`, in STS's XML.
 */
export function answerAssumeRoleWithWebIdentity(policy: FakeStsPolicy) {
  let issued = 0;
  return (call: FakeCall): FakeOutcome<StsErrorResponse> => {
    const form = new URLSearchParams(call.request.bodyText);
    if (form.get('Action') !== 'AssumeRoleWithWebIdentity') {
      return refuse(400, 'InvalidAction', `Could not find operation ${form.get('Action') ?? ''}`);
    }
    if (form.get('RoleArn') !== policy.roleArn) {
      return refuse(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    }
    if (form.get('WebIdentityToken') !== policy.webIdentityToken) {
      return refuse(
        400,
        'InvalidIdentityToken',
        "Couldn't retrieve verification key from your identity provider",
      );
    }
    const credential = policy.credentials[Math.min(issued, policy.credentials.length - 1)];
    if (credential === undefined) throw new Error('the fake STS has no credentials to hand out');
    issued += 1;
    const expiration = new Date(policy.now() + policy.lifetimeMs).toISOString();
    const session = form.get('RoleSessionName') ?? 'session';
    const xml = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>system:serviceaccount:switchyard:gateway</SubjectFromWebIdentityToken><AssumedRoleUser><Arn>${escapeXml(policy.roleArn)}/${escapeXml(session)}</Arn><AssumedRoleId>AROAFAKE:${escapeXml(session)}</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>${credential.accessKeyId}</AccessKeyId><SecretAccessKey>${escapeXml(credential.secretAccessKey)}</SecretAccessKey><SessionToken>${escapeXml(credential.sessionToken ?? '')}</SessionToken><Expiration>${expiration}</Expiration></Credentials><Audience>sts.amazonaws.com</Audience></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>fake-sts-${issued}</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`;
    return {
      kind: 'answer',
      model: 'sts',
      scenario: { kind: 'normal' },
      stream: false,
      reply: () => ({ kind: 'json', text: xml }),
    };
  };
}

function refuse(status: number, code: string, message: string): FakeOutcome<StsErrorResponse> {
  return { kind: 'refuse', error: { status, code, message } };
}
