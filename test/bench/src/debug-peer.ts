import { createChildReaper } from './processes/create-child-reaper.js';
import { startFastUpstream } from './processes/start-fast-upstream.js';
import { startPeer } from './processes/start-peer.js';
const reaper = createChildReaper();
const up = await startFastUpstream({ chunks: 3, reaper });
const peer = await startPeer({ entry: 'test/bench/.peer/node_modules/@portkey-ai/gateway/build/start-server.js', reaper });
console.log(up.origin, peer.origin);
for (const stream of [false, true]) {
  const r = await fetch(`${peer.origin}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${up.origin}/v1` }, body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }], ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) }) });
  console.log(r.status, [...r.headers], await r.text());
}
await new Promise((r) => setTimeout(r, 1500));
console.log(peer.output());
await reaper.stopAll();
