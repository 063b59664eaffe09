import { buildAnthropicReplies } from './build-anthropic-replies.js';
import { createResponsesReplier } from './build-responses-replies.js';
import { buildUpstreamReplies } from './build-upstream-replies.js';
import { createFastUpstream } from './create-fast-upstream.js';

// Entry point of the upstream's own process: started by start-fast-upstream.ts with an IPC
// channel, it reports its port there and exits when the bench goes away.
const chunks = Number(process.env.BENCH_UPSTREAM_CHUNKS ?? '20');
const server = createFastUpstream({
  openai: buildUpstreamReplies(chunks),
  anthropic: buildAnthropicReplies(chunks),
  responses: createResponsesReplier(chunks),
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address !== null)
    process.send?.({ type: 'listening', port: address.port });
});
process.on('disconnect', () => process.exit(0));
