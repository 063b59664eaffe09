import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { RequestBodies } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { MASTER_PRINCIPAL } from '../auth/principal.js';
import { createPublishingUsageRecorder } from './create-publishing-usage-recorder.js';
import type { RequestOutcome } from './usage-recorder.js';

const outcome = (bodies: RequestBodies | undefined): RequestOutcome => ({
  requestId: `req-${Math.random()}`,
  clientRequestId: undefined,
  principal: MASTER_PRINCIPAL,
  endpoint: 'chat.completions',
  requestedModel: 'm',
  model: 'm',
  provider: 'p',
  upstreamModel: 'm',
  credentialId: undefined,
  stream: false,
  status: 200,
  errorCode: null,
  errorMessage: null,
  usage: undefined,
  usageSource: 'none',
  cost: undefined,
  costSource: undefined,
  priceVersion: undefined,
  startedAt: 0,
  latencyMs: 1,
  timeToFirstTokenMs: undefined,
  attempts: 1,
  fallbackUsed: false,
  bodies,
  traceContext: ROOT_CONTEXT,
});

function setUp(buffered: number) {
  const published: Record<string, unknown>[] = [];
  let dropped = 0;
  const recorder = createPublishingUsageRecorder({
    publisher: {
      enqueue: (_subject, data) => {
        published.push(JSON.parse(Buffer.from(data).toString()));
        return true;
      },
      stats: () => ({ buffered, published: 0, retried: 0, dropped: 0 }),
    },
    next: { record: () => undefined },
    now: () => 1,
    bodiesBufferMax: 10,
    onBodiesDropped: () => {
      dropped += 1;
    },
  });
  return { recorder, published, dropped: () => dropped };
}

const small: RequestBodies = {
  request: '{"messages":[]}',
  request_truncated: false,
  response: null,
  response_truncated: false,
};

describe('createPublishingUsageRecorder', () => {
  it('publishes bodies with the usage while the buffer is nearly empty', () => {
    const { recorder, published, dropped } = setUp(9);
    recorder.record(outcome(small));
    expect(published[0]?.bodies).toEqual(small);
    expect(dropped()).toBe(0);
  });

  it('leaves bodies off, never the usage, when the buffer is backed up or the event too large', () => {
    const backedUp = setUp(10);
    backedUp.recorder.record(outcome(small));
    expect(backedUp.published).toHaveLength(1);
    expect(backedUp.published[0]).not.toHaveProperty('bodies');
    expect(backedUp.dropped()).toBe(1);

    // Control characters escape to six bytes each: two capped bodies can pass NATS's 1 MB.
    const escaped = '\u0001'.repeat(100_000);
    const large = setUp(0);
    large.recorder.record(
      outcome({ ...small, request: escaped, response: escaped, response_truncated: true }),
    );
    expect(large.published).toHaveLength(1);
    expect(large.published[0]).not.toHaveProperty('bodies');
    expect(large.published[0]).toMatchObject({ status: 200, version: 1 });
    expect(large.dropped()).toBe(1);
  });
});
