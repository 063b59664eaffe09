import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPublishSpool, type PublishSpool } from './open-publish-spool.js';
import type { SpooledMessage } from './spool-record.js';

const settle = { timeout: 5_000, interval: 10 };
const directories: string[] = [];
const spools: PublishSpool[] = [];

afterEach(async () => {
  for (const spool of spools.splice(0)) await spool.close();
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

function freshDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'spool-test-'));
  directories.push(directory);
  return directory;
}

function open(directory: string, overrides: { fsyncIntervalMs?: number; maxBytes?: number } = {}) {
  const spool = openPublishSpool({
    directory,
    fsyncIntervalMs: overrides.fsyncIntervalMs ?? 20,
    maxBytes: overrides.maxBytes ?? 1024 * 1024,
    segmentBytes: 1_024,
  });
  spools.push(spool);
  return spool;
}

/** What a crashed process leaves: its files as they are, its lock still held by this pid. */
function abandon(spool: PublishSpool): void {
  spools.splice(spools.indexOf(spool), 1);
}

function event(id: string, size = 40): SpooledMessage {
  return {
    subject: 'usage.ok',
    data: new TextEncoder().encode(JSON.stringify({ request_id: id, pad: 'x'.repeat(size) })),
    options: { msgId: id, headers: { traceparent: `00-${id}` } },
  };
}

const segmentFiles = (directory: string) =>
  readdirSync(directory).filter((name) => name.endsWith('.spool'));

describe('openPublishSpool', () => {
  it('writes appended events in batches, at the fsync interval, not one by one', async () => {
    const directory = freshDirectory();
    const spool = open(directory, { fsyncIntervalMs: 150 });
    spool.append(event('a'));
    spool.append(event('b'));
    expect(segmentFiles(directory)).toEqual([]);
    await vi.waitFor(() => expect(segmentFiles(directory)).toHaveLength(1), settle);
    const [file] = segmentFiles(directory);
    expect(statSync(join(directory, file ?? '')).size).toBe(spool.stats().bytes);
  });

  it('gives a new process every event the crashed one never saw acknowledged', async () => {
    const directory = freshDirectory();
    const first = open(directory);
    for (const id of ['a', 'b', 'c', 'd']) first.append(event(id));
    first.acknowledge('b');
    await first.flush();
    abandon(first);

    const second = open(directory);
    expect(second.recovered).toEqual([event('a'), event('c'), event('d')]);
    expect(second.stats()).toMatchObject({ replayed: 3, damagedSegments: 0 });
  });

  it('loses only what was appended after the last fsync', async () => {
    const directory = freshDirectory();
    const first = open(directory, { fsyncIntervalMs: 60_000 });
    first.append(event('durable'));
    await first.flush();
    first.append(event('in-memory'));
    abandon(first);
    expect(open(directory).recovered.map((message) => message.options.msgId)).toEqual(['durable']);
  });

  it('starts despite a torn tail, keeping every whole record before it', async () => {
    const directory = freshDirectory();
    const first = open(directory);
    first.append(event('a'));
    first.append(event('b'));
    await first.flush();
    abandon(first);
    const [file] = segmentFiles(directory);
    // A crash mid-write: the first bytes of a record's header and nothing more.
    appendFileSync(join(directory, file ?? ''), Buffer.from([0, 0, 1]));
    writeFileSync(join(directory, 'segment-000000000000099.spool'), 'garbage');

    const second = open(directory);
    expect(second.recovered.map((message) => message.options.msgId)).toEqual(['a', 'b']);
    expect(second.stats().damagedSegments).toBe(2);
  });

  it('deletes segments once every event in them is acknowledged, so the spool stays small', async () => {
    const directory = freshDirectory();
    const spool = open(directory);
    const ids = Array.from({ length: 60 }, (_, index) => `event-${index}`);
    for (const id of ids) spool.append(event(id, 200));
    await spool.flush();
    const written = segmentFiles(directory).length;
    expect(written).toBeGreaterThan(5);

    for (const id of ids) spool.acknowledge(id);
    await spool.flush();
    // Only the segment being written remains (it holds the latest acknowledgements).
    expect(segmentFiles(directory).length).toBeLessThanOrEqual(2);
    expect(spool.stats().bytes).toBeLessThan(2_048);
    abandon(spool);
    expect(open(directory).recovered).toEqual([]);
  });

  it('keeps the segments an unacknowledged event is in, and those after it', async () => {
    const directory = freshDirectory();
    const spool = open(directory);
    const ids = Array.from({ length: 30 }, (_, index) => `event-${index}`);
    for (const id of ids) spool.append(event(id, 200));
    for (const id of ids.slice(1)) spool.acknowledge(id);
    await spool.flush();
    abandon(spool);
    const second = open(directory);
    expect(second.recovered.map((message) => message.options.msgId)).toEqual(['event-0']);
    second.acknowledge('event-0');
    await second.flush();
    expect(segmentFiles(directory).length).toBeLessThanOrEqual(1);
  });

  it('refuses events past its size limit and counts them', () => {
    const spool = open(freshDirectory(), { maxBytes: 4_096 });
    let accepted = 0;
    for (let index = 0; index < 100; index += 1) {
      if (spool.append(event(`event-${index}`, 200))) accepted += 1;
    }
    expect(accepted).toBeGreaterThan(5);
    expect(accepted).toBeLessThan(100);
    expect(spool.stats()).toMatchObject({ full: 100 - accepted });
    expect(spool.stats().bytes).toBeLessThanOrEqual(4_096);
  });

  it('refuses a directory another running process holds', () => {
    const directory = freshDirectory();
    writeFileSync(join(directory, 'lock'), String(process.ppid));
    expect(() => open(directory)).toThrow(/in use by process/);
  });

  it('takes over the lock a dead process left', () => {
    const directory = freshDirectory();
    writeFileSync(join(directory, 'lock'), '999999999');
    expect(open(directory).recovered).toEqual([]);
  });
});
