import { z } from 'zod';
import { consoleErrors } from '../console-errors.js';
import type { ConsoleUpstream } from '../proxy/console-upstream.js';
import { toUpstreamError } from '../proxy/to-upstream-error.js';
import type { ConsoleIdentity } from './console-session.js';

const keyResponseSchema = z.object({
  data: z.object({
    id: z.string().nullable(),
    name: z.string().nullable().optional(),
    prefix: z.string().nullable().optional(),
    role: z.enum(['admin', 'team_admin', 'member']),
    team: z.object({ id: z.string(), name: z.string().nullable().optional() }).nullable(),
  }),
});

/**
 * Who `key` is, from the gateway's `GET /v1/key` (which answers for any live key, the master key
 * included). A refused key rejects with the gateway's own error.
 */
export async function fetchIdentity(
  upstream: ConsoleUpstream,
  key: string,
  requestId: string,
): Promise<ConsoleIdentity> {
  const response = await upstream('gateway', {
    method: 'GET',
    path: '/v1/key',
    headers: {
      authorization: `Bearer ${key}`,
      accept: 'application/json',
      'x-request-id': requestId,
    },
  }).catch((error: unknown) => {
    throw consoleErrors.upstreamUnreachable('gateway', error);
  });
  if (response.status !== 200) throw toUpstreamError(response, 'gateway');
  let parsed: z.infer<typeof keyResponseSchema>;
  try {
    parsed = keyResponseSchema.parse(JSON.parse(response.body));
  } catch {
    throw consoleErrors.malformedUpstream('gateway');
  }
  const { data } = parsed;
  return {
    keyId: data.id ?? 'master',
    keyName: data.name ?? (data.id === null || data.id === 'master' ? 'master key' : 'key'),
    keyPrefix: data.prefix ?? null,
    role: data.role,
    team: data.team === null ? null : { id: data.team.id, name: data.team.name ?? data.team.id },
  };
}
