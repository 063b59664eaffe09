import { describe, expect, it, vi } from 'vitest';
import { BusError } from '../bus-error.js';
import { delay } from '../delay.js';
import { bytes, type ContractFixture } from './contract-fixture.js';

/** Durable publish and pull consumption: order, dedupe, redelivery, maxDeliver, nak, sharing. */
export function describeStreamContract(fixture: ContractFixture): void {
  const { timing } = fixture;
  const settle = { timeout: 10_000, interval: 20 };

  describe('streams', () => {
    it('creates a stream idempotently and updates it', async () => {
      const stream = await fixture.newStream();
      const config = { name: stream.name, subjects: [stream.subject('>')] };
      await fixture.bus.ensureStream(config);
      await fixture.bus.ensureStream({ ...config, maxAgeMs: 3_600_000, maxBytes: 1_000_000 });
    });

    it('acknowledges a publish with its sequence', async () => {
      const stream = await fixture.newStream();
      const first = await fixture.bus.publish(stream.subject('a'), bytes('one'));
      const second = await fixture.bus.publish(stream.subject('a'), bytes('two'));
      expect(first).toEqual({ stream: stream.name, sequence: 1, duplicate: false });
      expect(second).toEqual({ stream: stream.name, sequence: 2, duplicate: false });
    });

    it('rejects a publish no stream captures', async () => {
      const error = await fixture.bus
        .publish(`nowhere.${fixture.uniqueId()}`, bytes('lost'))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BusError);
      expect(error).toMatchObject({ code: 'no_stream', retryable: true });
    });

    it('delivers published messages in order, with subject and headers', async () => {
      const stream = await fixture.newStream();
      for (let index = 0; index < 10; index += 1) {
        const subject = stream.subject(index % 2 === 0 ? '2xx' : '5xx');
        await fixture.bus.publish(subject, bytes(`m${index}`), {
          msgId: `id-${index}`,
          headers: { 'x-index': String(index) },
        });
      }
      const collected = fixture.collect(fixture.consumeOptions(stream));
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(10), settle);
      expect(collected.deliveries.map((delivery) => delivery.text)).toEqual(
        Array.from({ length: 10 }, (_, index) => `m${index}`),
      );
      const [first] = collected.deliveries;
      expect(first?.message).toMatchObject({
        subject: stream.subject('2xx'),
        msgId: 'id-0',
        headers: { 'x-index': '0' },
        deliveryCount: 1,
        maxDeliver: 5,
      });
    });

    it('stores a message published twice with the same id once', async () => {
      const stream = await fixture.newStream();
      const first = await fixture.bus.publish(stream.subject('a'), bytes('x'), { msgId: 'req-1' });
      const again = await fixture.bus.publish(stream.subject('a'), bytes('x'), { msgId: 'req-1' });
      await fixture.bus.publish(stream.subject('a'), bytes('y'), { msgId: 'req-2' });
      expect(again).toEqual({ ...first, duplicate: true });

      const collected = fixture.collect(fixture.consumeOptions(stream));
      await vi.waitFor(() => expect(collected.deliveries.at(-1)?.text).toBe('y'), settle);
      expect(collected.deliveries.map((delivery) => delivery.text)).toEqual(['x', 'y']);
    });

    it('hands over batches of at most batchSize', async () => {
      const stream = await fixture.newStream();
      for (let index = 0; index < 7; index += 1) {
        await fixture.bus.publish(stream.subject('a'), bytes(`m${index}`));
      }
      const collected = fixture.collect(fixture.consumeOptions(stream, { batchSize: 3 }));
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(7), settle);
      expect(Math.max(...collected.batchSizes)).toBe(3);
    });

    it('delivers only the filter subject', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('2xx'), bytes('ok'));
      await fixture.bus.publish(stream.subject('5xx'), bytes('error'));
      await fixture.bus.publish(stream.subject('2xx'), bytes('ok again'));
      const options = fixture.consumeOptions(stream, { filterSubject: stream.subject('2xx') });
      const collected = fixture.collect(options);
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(2), settle);
      expect(collected.deliveries.map((delivery) => delivery.text)).toEqual(['ok', 'ok again']);
    });
  });

  describe('redelivery', () => {
    it('delivers an unacked message again after ackWait, counting deliveries', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('slow'));
      const options = fixture.consumeOptions(stream, { batchSize: 1 });
      const collected = fixture.collect(options, (message) => {
        if (message.deliveryCount > 1) message.ack();
      });
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(2), settle);
      const [first, second] = collected.deliveries;
      expect([first?.message.deliveryCount, second?.message.deliveryCount]).toEqual([1, 2]);
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(timing.ackWaitMs * 0.8);
    });

    it('gives a message up after maxDeliver, telling the last delivery, and goes on', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('poison'));
      const options = fixture.consumeOptions(stream, { batchSize: 1, maxDeliver: 2 });
      const collected = fixture.collect(options, (message) => {
        if (message.deliveryCount < message.maxDeliver) return; // as if processing failed
        message.ack(); // as if dead-lettered on the last delivery
      });
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(2), settle);
      expect(collected.deliveries.map((delivery) => delivery.message.deliveryCount)).toEqual([
        1, 2,
      ]);
      expect(collected.deliveries.at(-1)?.message.maxDeliver).toBe(2);

      const unacked = fixture.collect(
        fixture.consumeOptions(stream, { batchSize: 1, maxDeliver: 2 }),
        () => {},
      );
      await vi.waitFor(() => expect(unacked.deliveries).toHaveLength(2), settle);
      await delay(timing.ackWaitMs * 2 + timing.maxWaitMs);
      expect(unacked.deliveries).toHaveLength(2);

      await fixture.bus.publish(stream.subject('a'), bytes('next'));
      await vi.waitFor(() => expect(unacked.deliveries.at(-1)?.text).toBe('next'), settle);
    });

    it('delivers again at once on nak, and after the delay on nak with delay', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('retry'));
      const nakDelayMs = 500;
      // The ack wait is long, so a redelivery in time can only come from the nak.
      const options = fixture.consumeOptions(stream, { batchSize: 1, ackWaitMs: 30_000 });
      const collected = fixture.collect(options, (message) => {
        if (message.deliveryCount === 1) message.nak();
        else if (message.deliveryCount === 2) message.nak(nakDelayMs);
        else message.ack();
      });
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(3), settle);
      const [first, second, third] = collected.deliveries.map((delivery) => delivery.at);
      expect((second ?? 0) - (first ?? 0)).toBeLessThan(nakDelayMs);
      expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(nakDelayMs * 0.8);
    });

    it('never delivers a terminated message again', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('unwanted'));
      const options = fixture.consumeOptions(stream, { batchSize: 1 });
      const collected = fixture.collect(options, (message) => {
        if (message.deliveryCount === 1 && message.subject === stream.subject('a')) message.term();
        else message.ack();
      });
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(1), settle);
      await delay(timing.ackWaitMs * 2);
      await fixture.bus.publish(stream.subject('b'), bytes('wanted'));
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(2), settle);
      expect(collected.deliveries.map((delivery) => delivery.text)).toEqual(['unwanted', 'wanted']);
    });
  });

  describe('shared durables', () => {
    it('splits the messages of one durable between its consumers without duplicates', async () => {
      const stream = await fixture.newStream();
      const options = fixture.consumeOptions(stream, { batchSize: 5 });
      const slowAck = async (message: { ack(): void }): Promise<void> => {
        await delay(20);
        message.ack();
      };
      const first = fixture.collect(options, slowAck);
      const second = fixture.collect(options, slowAck);
      await Promise.all([first.consumer.ready, second.consumer.ready]);
      await delay(200); // both pulls waiting
      for (let index = 0; index < 20; index += 1) {
        await fixture.bus.publish(stream.subject('a'), bytes(`m${index}`));
      }
      const all = (): string[] =>
        [...first.deliveries, ...second.deliveries].map((delivery) => delivery.text);
      await vi.waitFor(() => expect(all()).toHaveLength(20), settle);
      await delay(timing.ackWaitMs + timing.maxWaitMs);
      expect(new Set(all()).size).toBe(20);
      expect(all()).toHaveLength(20);
      expect(first.deliveries.length).toBeGreaterThan(0);
      expect(second.deliveries.length).toBeGreaterThan(0);
    });

    it('hands an unacked message of a stopped consumer to another one', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('orphan'));
      // An ack wait past the quitter's last pull, so the redelivery cannot race that pull.
      const options = fixture.consumeOptions(stream, {
        batchSize: 1,
        ackWaitMs: timing.ackWaitMs + 2 * timing.maxWaitMs,
      });
      const quitter = fixture.collect(options, () => {});
      await vi.waitFor(() => expect(quitter.deliveries).toHaveLength(1), settle);
      await quitter.consumer.stop();
      const heir = fixture.collect(options);
      await vi.waitFor(() => expect(heir.deliveries).toHaveLength(1), settle);
      expect(heir.deliveries[0]?.message).toMatchObject({ deliveryCount: 2 });
    });
  });

  describe('closing', () => {
    it('lets the publishes in flight finish before close resolves', async () => {
      const stream = await fixture.newStream();
      const publishes = Array.from({ length: 200 }, (_, index) =>
        fixture.bus.publish(stream.subject('a'), bytes(`m${index}`), { msgId: `m${index}` }),
      );
      await fixture.bus.close();
      const acks = await Promise.all(publishes);
      expect(acks.map((ack) => ack.sequence)).toEqual(
        Array.from({ length: 200 }, (_, index) => index + 1),
      );
    });

    it('finishes the handler in flight before close resolves, then refuses publishes', async () => {
      const stream = await fixture.newStream();
      await fixture.bus.publish(stream.subject('a'), bytes('in flight'));
      let finished = false;
      const collected = fixture.collect(
        fixture.consumeOptions(stream, { batchSize: 1 }),
        async (message) => {
          await delay(300);
          message.ack();
          finished = true;
        },
      );
      await vi.waitFor(() => expect(collected.deliveries).toHaveLength(1), settle);
      await fixture.bus.close();
      expect(finished).toBe(true);
      expect(fixture.bus.isConnected()).toBe(false);
      await expect(fixture.bus.publish(stream.subject('a'), bytes('late'))).rejects.toMatchObject({
        code: 'closed',
      });
    });
  });
}
