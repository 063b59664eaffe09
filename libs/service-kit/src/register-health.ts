import type { FastifyInstance } from 'fastify';

/** What `/readyz` consults: draining flips it to 503, and every check must pass. */
export interface Readiness {
  draining: boolean;
  checks: Array<{ name: string; check: () => Promise<boolean> }>;
}

/** `/livez` answers while the process runs; `/readyz` answers 503 while draining or unready. */
export function registerHealth(app: FastifyInstance, readiness: Readiness): void {
  app.get('/livez', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (readiness.draining) return reply.code(503).send({ status: 'draining' });
    const failed: string[] = [];
    for (const { name, check } of readiness.checks) {
      const ok = await check().catch(() => false);
      if (!ok) failed.push(name);
    }
    if (failed.length > 0) return reply.code(503).send({ status: 'unready', failed });
    return { status: 'ready' };
  });
}
