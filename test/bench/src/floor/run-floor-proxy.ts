import Fastify from 'fastify';
import { Pool } from 'undici';

// The floor: the least a Node proxy in front of the upstream can do — fastify in, one undici
// Pool out, bytes passed through both ways, no parsing, no auth, no logging. What a gateway
// costs beyond this is its own. Entry point of its own process (start-floor.ts): it reports
// its port over IPC and exits with the bench.
const upstream = process.env.BENCH_FLOOR_UPSTREAM ?? '';
const pool = new Pool(upstream, {
  connections: 4096,
  pipelining: 1,
  keepAliveTimeout: 30_000,
  connect: { noDelay: true, keepAlive: true },
});
const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
app.get('/readyz', async () => ({ status: 'ready' }));
app.post('/v1/chat/completions', async (request, reply) => {
  const answer = await pool.request({
    path: '/v1/chat/completions',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: request.headers.authorization ?? '',
    },
    body: request.body as Buffer,
  });
  reply.code(answer.statusCode);
  const contentType = answer.headers['content-type'];
  if (typeof contentType === 'string') reply.header('content-type', contentType);
  return reply.send(answer.body);
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ type: 'listening', port: Number(new URL(address).port) });
process.on('disconnect', () => process.exit(0));
