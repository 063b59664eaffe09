import { describe, expect, it } from 'vitest';
import { readSse } from './read-sse.js';
import type { SseEvent } from './sse-event.js';

async function collect(chunks: readonly (Uint8Array | string)[]): Promise<SseEvent[]> {
  async function* source(): AsyncGenerator<Uint8Array | string> {
    yield* chunks;
  }
  const events: SseEvent[] = [];
  for await (const event of readSse(source())) events.push(event);
  return events;
}

describe('readSse', () => {
  it('reassembles events split across chunks, including a split CRLF', async () => {
    const events = await collect(['da', 'ta: one\r', '\n\r', '\nevent: x\ndata: t', 'wo\n', '\n']);
    expect(events).toEqual([
      { event: undefined, data: 'one', id: undefined },
      { event: 'x', data: 'two', id: undefined },
    ]);
  });

  it('decodes UTF-8 characters split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    const events = await collect([bytes.slice(0, 8), bytes.slice(8, 15), bytes.slice(15)]);
    expect(events).toEqual([{ event: undefined, data: 'héllo ✓', id: undefined }]);
  });

  it('yields each event as soon as its blank line arrives', async () => {
    const seen: string[] = [];
    async function* source(): AsyncGenerator<string> {
      yield 'data: a\n\n';
      seen.push('after-first-chunk');
      yield 'data: b\n\n';
    }
    for await (const event of readSse(source())) seen.push(event.data);
    expect(seen).toEqual(['a', 'after-first-chunk', 'b']);
  });
});
