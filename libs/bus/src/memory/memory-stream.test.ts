import { describe, expect, it } from 'vitest';
import { MemoryStream } from './memory-stream.js';

const bytes = (size: number): Uint8Array => new Uint8Array(size);

function streamAt(config: { maxAgeMs?: number; maxBytes?: number; duplicateWindowMs?: number }) {
  const clock = { now: 1_000_000 };
  const stream = new MemoryStream({ name: 'S', subjects: ['s.>'], ...config }, () => clock.now);
  return { stream, clock };
}

describe('MemoryStream', () => {
  it('stores an id again once the duplicate window has passed', () => {
    const { stream, clock } = streamAt({ duplicateWindowMs: 1_000 });
    expect(stream.append('s.a', bytes(1), {}, 'req-1')).toMatchObject({ duplicate: false });
    clock.now += 999;
    expect(stream.append('s.a', bytes(1), {}, 'req-1')).toMatchObject({
      sequence: 1,
      duplicate: true,
    });
    clock.now += 1;
    expect(stream.append('s.a', bytes(1), {}, 'req-1')).toMatchObject({
      sequence: 2,
      duplicate: false,
    });
  });

  it('discards the oldest messages past maxBytes', () => {
    const { stream } = streamAt({ maxBytes: 250 });
    for (let index = 0; index < 5; index += 1) stream.append('s.a', bytes(100), {}, undefined);
    expect(stream.firstSequence()).toBe(4);
    expect(stream.get(3)).toBeUndefined();
    expect(stream.get(5)?.sequence).toBe(5);
  });

  it('discards messages older than maxAge', () => {
    const { stream, clock } = streamAt({ maxAgeMs: 60_000 });
    stream.append('s.a', bytes(1), {}, undefined);
    clock.now += 30_000;
    stream.append('s.a', bytes(1), {}, undefined);
    clock.now += 30_000;
    expect(stream.firstSequence()).toBe(2);
    clock.now += 30_000;
    expect(stream.firstSequence()).toBe(3);
    expect(stream.last).toBe(2);
  });

  it('keeps sequences and lookups right across many discards', () => {
    const { stream } = streamAt({ maxBytes: 10 });
    for (let index = 0; index < 5_000; index += 1) stream.append('s.a', bytes(1), {}, undefined);
    expect(stream.firstSequence()).toBe(4_991);
    expect(stream.get(4_995)?.sequence).toBe(4_995);
    expect(stream.get(4_990)).toBeUndefined();
  });
});
