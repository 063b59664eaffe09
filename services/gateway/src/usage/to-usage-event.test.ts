import { ROOT_CONTEXT } from '@opentelemetry/api';
import { usageEventV1Schema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { MASTER_PRINCIPAL } from '../auth/principal.js';
import { toUsageEvent } from './to-usage-event.js';
import type { RequestOutcome } from './usage-recorder.js';

const outcome: RequestOutcome = {
  requestId: 'req-1',
  clientRequestId: 'caller-trace-7',
  principal: MASTER_PRINCIPAL,
  endpoint: 'chat.completions',
  requestedModel: 'router/claude',
  model: 'router/claude',
  provider: 'router',
  upstreamModel: 'anthropic/claude',
  credentialId: 'router:0',
  stream: false,
  status: 200,
  errorCode: null,
  errorMessage: null,
  usage: { promptTokens: 3, completionTokens: 4, cachedTokens: 0, reasoningTokens: 0 },
  usageSource: 'provider',
  cost: '0.0004321',
  costSource: 'provider',
  priceVersion: 'v7',
  startedAt: Date.parse('2026-11-23T10:00:00Z'),
  latencyMs: 12.4,
  timeToFirstTokenMs: undefined,
  attempts: 1,
  fallbackUsed: false,
  bodies: undefined,
  traceContext: ROOT_CONTEXT,
};

describe('toUsageEvent', () => {
  it('keys the event by the gateway’s id and carries the caller’s id beside it', () => {
    const event = toUsageEvent(outcome, Date.parse('2026-11-23T10:00:01Z'));
    expect(usageEventV1Schema.parse(event)).toMatchObject({
      request_id: 'req-1',
      client_request_id: 'caller-trace-7',
    });
    const without = toUsageEvent({ ...outcome, clientRequestId: undefined }, 0);
    expect(usageEventV1Schema.parse(without).client_request_id).toBeNull();
  });

  it('says a reported cost came from the provider, at no price version of ours', () => {
    const event = toUsageEvent(outcome, Date.parse('2026-11-23T10:00:01Z'));
    expect(usageEventV1Schema.parse(event)).toMatchObject({
      cost_usd: '0.0004321',
      cost_source: 'provider',
      price_version: null,
      error_message: null,
    });
    expect(event).not.toHaveProperty('bodies');
    const catalog = toUsageEvent({ ...outcome, costSource: 'catalog' }, Date.now());
    expect(catalog).toMatchObject({ cost_source: 'catalog', price_version: 'v7' });
  });

  it('carries the error message redacted and capped, and the bodies when logged', () => {
    const event = toUsageEvent(
      {
        ...outcome,
        status: 502,
        errorCode: 'upstream_error',
        errorMessage: `Upstream rejected key sk-abcdefghijklmnop: ${'x'.repeat(5_000)}`,
        bodies: {
          request: '{}',
          request_truncated: false,
          response: null,
          response_truncated: false,
        },
      },
      Date.now(),
    );
    const parsed = usageEventV1Schema.parse(event);
    expect(parsed.error_message).toMatch(/^Upstream rejected key \[redacted\]: x+$/);
    expect(parsed.error_message).toHaveLength(2_048);
    expect(parsed.bodies).toEqual({
      request: '{}',
      request_truncated: false,
      response: null,
      response_truncated: false,
    });
  });
});
