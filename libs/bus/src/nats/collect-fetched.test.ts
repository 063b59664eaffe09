import { describe, expect, it } from 'vitest';
import { collectFetched } from './collect-fetched.js';

/** A fetch as the NATS client yields it: some messages, then (maybe) a terminal error. */
async function* fetchOf(messages: string[], error?: Error): AsyncGenerator<string> {
  for (const message of messages) yield message;
  if (error !== undefined) throw error;
}

describe('collectFetched', () => {
  it('keeps the messages a fetch delivered before it failed, and reports the failure', async () => {
    const errors: unknown[] = [];
    const heartbeats = new Error('heartbeats missed');
    const items = await collectFetched(
      fetchOf(['a', 'b', 'c'], heartbeats),
      (message) => message.toUpperCase(),
      (error) => errors.push(error),
    );
    expect(items).toEqual(['A', 'B', 'C']);
    expect(errors).toEqual([heartbeats]);
  });

  it('rethrows when the fetch failed before delivering anything', async () => {
    await expect(
      collectFetched(fetchOf([], new Error('heartbeats missed')), String, undefined),
    ).rejects.toThrow('heartbeats missed');
  });

  it('returns every message of a fetch that ends normally', async () => {
    expect(await collectFetched(fetchOf(['x', 'y']), String, undefined)).toEqual(['x', 'y']);
  });
});
