import { propagation, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractTraceContext, injectTraceContext } from '../trace-context.js';
import { bytes, type ContractFixture } from './contract-fixture.js';

const decoder = new TextDecoder();

/** Core pub/sub and the trace context carried in headers. */
export function describeBroadcastContract(fixture: ContractFixture): void {
  const settle = { timeout: 5_000, interval: 10 };

  describe('broadcast', () => {
    it('reaches every subscriber of the subject, with headers', async () => {
      const prefix = `contract.${fixture.uniqueId()}`;
      const received: Array<{ who: string; text: string; headers: Record<string, string> }> = [];
      for (const who of ['first', 'second']) {
        fixture.bus.subscribe(`${prefix}.*`, (data, headers) => {
          received.push({ who, text: decoder.decode(data), headers });
        });
      }
      await fixture.bus.broadcast(`${prefix}.keys`, bytes('key-1'), { 'x-reason': 'revoked' });
      await vi.waitFor(() => expect(received).toHaveLength(2), settle);
      expect(received.map((entry) => entry.who).sort()).toEqual(['first', 'second']);
      expect(received[0]).toMatchObject({ text: 'key-1', headers: { 'x-reason': 'revoked' } });
    });

    it('stops reaching a subscriber that unsubscribed', async () => {
      const prefix = `contract.${fixture.uniqueId()}`;
      const gone: string[] = [];
      const staying: string[] = [];
      const subscription = fixture.bus.subscribe(`${prefix}.a`, (data) => {
        gone.push(decoder.decode(data));
      });
      fixture.bus.subscribe(`${prefix}.a`, (data) => {
        staying.push(decoder.decode(data));
      });
      await fixture.bus.broadcast(`${prefix}.a`, bytes('one'));
      await vi.waitFor(() => expect(gone).toEqual(['one']), settle);
      subscription.unsubscribe();
      await fixture.bus.broadcast(`${prefix}.a`, bytes('two'));
      await vi.waitFor(() => expect(staying).toEqual(['one', 'two']), settle);
      expect(gone).toEqual(['one']);
    });
  });

  describe('trace context', () => {
    beforeAll(() => {
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    });
    afterAll(() => {
      propagation.disable();
    });

    it('travels in the headers of a stored message', async () => {
      const spanContext = {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        traceFlags: TraceFlags.SAMPLED,
      };
      const headers: Record<string, string> = { 'x-request-id': 'req-7' };
      injectTraceContext(headers, trace.setSpanContext(ROOT_CONTEXT, spanContext));

      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('traced'), { msgId: 'req-7', headers });
      const collected = fixture.collect(fixture.consumeOptions(stream));
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(1), settle);
      const message = collected.deliveries[0]?.message;
      expect(message?.headers).toEqual(headers);
      expect(message?.msgId).toBe('req-7');
      expect(trace.getSpanContext(extractTraceContext(message?.headers ?? {}))).toMatchObject({
        ...spanContext,
        isRemote: true,
      });
    });
  });
}
