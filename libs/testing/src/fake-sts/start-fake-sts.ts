import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import {
  answerAssumeRoleWithWebIdentity,
  type FakeStsPolicy,
} from './answer-assume-role-with-web-identity.js';
import { writeStsError } from './sts-error.js';

/** Options of {@link startFakeSts}. */
export interface FakeStsOptions extends FakeUpstreamOptions, Omit<FakeStsPolicy, 'now'> {
  readonly now?: () => number;
}

/** A running fake STS; point the AWS SDK at `url` with `AWS_ENDPOINT_URL_STS`. */
export type FakeSts = FakeUpstream;

/**
 * Starts a fake AWS STS that answers `AssumeRoleWithWebIdentity` (what IRSA's web identity
 * credentials call) for one trusted role and token, handing out the given temporary credentials
 * with an expiration `lifetimeMs` ahead, in STS's XML query protocol.
 */
export function startFakeSts(options: FakeStsOptions): Promise<FakeSts> {
  const policy = { ...options, now: options.now ?? Date.now };
  return startFakeUpstream(
    {
      basePath: '',
      routes: [
        {
          method: 'POST',
          path: /^\/$/,
          json: false,
          answer: answerAssumeRoleWithWebIdentity(policy),
        },
      ],
      errors: {
        write: writeStsError,
        notFound: (method, path) => ({
          status: 404,
          code: 'NotFound',
          message: `${method} ${path}`,
        }),
        invalidJson: () => ({ status: 400, code: 'MalformedInput', message: 'malformed' }),
        failed: (message) => ({ status: 500, code: 'InternalFailure', message }),
        scenario: (status) => ({ status, code: 'InternalFailure', message: `HTTP ${status}` }),
      },
      jsonContentType: 'text/xml',
    },
    options,
  );
}
