import Fastify, { type FastifyInstance } from 'fastify';

/** A call the fake received, as it arrived. */
export interface ReceivedCall {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A stand-in for the admin API and the gateway's `GET /v1/key`, speaking their error body. */
export interface FakeAdminApi {
  url: string;
  calls: ReceivedCall[];
  close(): Promise<void>;
}

/** Keys the fake knows, by secret: who `GET /v1/key` says each is. */
export const FAKE_KEYS = {
  'sk-sy-admin': { id: 'master', name: 'master key', role: 'admin', team: null },
  'sk-sy-team-admin': {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'ops',
    role: 'team_admin',
    team: { id: '22222222-2222-4222-8222-222222222222', name: 'platform' },
  },
  'sk-sy-member': {
    id: '33333333-3333-4333-8333-333333333333',
    name: 'app',
    role: 'member',
    team: { id: '22222222-2222-4222-8222-222222222222', name: 'platform' },
  },
} as const;

const invalidKey = {
  error: {
    message: 'Invalid API key.',
    type: 'authentication_error',
    code: 'invalid_api_key',
    param: null,
  },
};

/**
 * Starts a fake on a loopback port: `GET /v1/key` for the keys of {@link FAKE_KEYS}, and every
 * `/admin/v1/*` call answered 200 with what it received (a key `sk-sy-revoked` gets 401).
 */
export async function startFakeAdminApi(name: string): Promise<FakeAdminApi> {
  const app: FastifyInstance = Fastify({ logger: false });
  const calls: ReceivedCall[] = [];
  const secretOf = (authorization: string | undefined) =>
    authorization?.replace(/^Bearer\s+/i, '') ?? '';
  app.addHook('onRequest', async (request) => {
    calls.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      body: undefined,
    });
  });
  app.addHook('preHandler', async (request) => {
    const last = calls.at(-1);
    if (last !== undefined) last.body = request.body;
  });
  app.get('/v1/key', async (request, reply) => {
    const known = FAKE_KEYS[secretOf(request.headers.authorization) as keyof typeof FAKE_KEYS];
    if (known === undefined) return reply.code(401).send(invalidKey);
    return { data: { ...known, prefix: 'sk-sy-ab' } };
  });
  app.route({
    method: ['GET', 'POST', 'PATCH', 'DELETE'],
    url: '/admin/v1/*',
    handler: async (request, reply) => {
      if (secretOf(request.headers.authorization) === 'sk-sy-revoked') {
        return reply.code(401).send(invalidKey);
      }
      // `/usage/events/mine-<key id>` is a usage record of that key.
      const owner = /\/usage\/events\/mine-([\w-]+)$/.exec(request.url)?.[1];
      return reply.code(request.method === 'POST' ? 201 : 200).send({
        served_by: name,
        method: request.method,
        url: request.url,
        body: request.body ?? null,
        ...(owner !== undefined && { key_id: owner }),
      });
    },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, calls, close: () => app.close() };
}
