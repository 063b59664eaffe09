import { describe, expect, it } from 'vitest';
import { MemoryDurable } from './memory-durable.js';
import { MemoryStream } from './memory-stream.js';

const settings = { filterSubject: undefined, ackWaitMs: 60_000, maxDeliver: 5, maxAckPending: 100 };

function append(stream: MemoryStream, count: number): void {
  for (let index = 0; index < count; index += 1) {
    stream.append('s.a', new Uint8Array(10), {}, undefined);
  }
}

describe('MemoryDurable retention', () => {
  it('keeps every message until a durable reads the stream (usage published before the consumer starts waits)', () => {
    const stream = new MemoryStream({ name: 'S', subjects: ['s.>'], maxAgeMs: 3_600_000 });
    append(stream, 3);
    expect(stream.firstSequence()).toBe(1);
  });

  it('keeps acknowledged messages for a durable that does not hold retention, as JetStream does', async () => {
    const stream = new MemoryStream({ name: 'S', subjects: ['s.>'], maxAgeMs: 3_600_000 });
    append(stream, 2);
    const durable = new MemoryDurable(stream, settings);
    for (const message of await durable.pull(2, 10, new AbortController().signal)) message.ack();
    append(stream, 1);
    expect(stream.firstSequence()).toBe(1);
    durable.close();
  });

  it('drops what every durable acknowledged, keeps what one still needs', async () => {
    const stream = new MemoryStream({ name: 'S', subjects: ['s.>'], maxAgeMs: 3_600_000 });
    append(stream, 4);
    const fast = new MemoryDurable(stream, settings, true);
    const slow = new MemoryDurable(stream, settings, true);
    const signal = new AbortController().signal;

    const fastBatch = await fast.pull(4, 10, signal);
    for (const message of fastBatch) message.ack();
    append(stream, 1);
    // The slow durable has read nothing yet: all five stay.
    expect(stream.firstSequence()).toBe(1);

    const slowBatch = await slow.pull(2, 10, signal);
    slowBatch[1]?.ack(); // the first of its two stays unacknowledged
    append(stream, 1);
    expect(stream.firstSequence()).toBe(1);

    slowBatch[0]?.ack();
    append(stream, 1);
    // Both durables are past 1–2; the fast one is past 1–5, the slow one needs 3 onwards.
    expect(stream.firstSequence()).toBe(3);
    expect(stream.get(2)).toBeUndefined();
    const rest = await slow.pull(10, 10, signal);
    expect(rest.map((message) => message.deliveryCount)).toHaveLength(5);
    fast.close();
    slow.close();
  });

  it('keeps a message delivered but not acknowledged, for its redelivery', async () => {
    const stream = new MemoryStream({ name: 'S', subjects: ['s.>'], maxAgeMs: 3_600_000 });
    append(stream, 2);
    const durable = new MemoryDurable(stream, settings, true);
    const signal = new AbortController().signal;
    const [first, second] = await durable.pull(2, 10, signal);
    second?.ack();
    first?.nak();
    append(stream, 1);
    expect(stream.firstSequence()).toBe(1);
    const again = await durable.pull(1, 10, signal);
    expect(again[0]?.deliveryCount).toBe(2);
    again[0]?.ack();
    append(stream, 1);
    expect(stream.firstSequence()).toBe(3);
    durable.close();
  });
});
