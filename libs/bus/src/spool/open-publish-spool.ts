import { mkdirSync } from 'node:fs';
import { type FileHandle, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrorCode, lockSpoolDirectory } from './lock-spool-directory.js';
import { readSpoolDirectory, segmentFileName } from './read-spool-directory.js';
import { encodeSpoolRecord, type SpooledMessage } from './spool-record.js';

/** Options of {@link openPublishSpool}. */
export interface PublishSpoolOptions {
  /** Where segment files live; created if missing; one process per directory. */
  directory: string;
  /** Appended records are written and fsynced together this often: a crash loses at most this. */
  fsyncIntervalMs: number;
  /** Most bytes on disk; past it {@link PublishSpool.append} refuses (counted as `full`). */
  maxBytes: number;
  /** A segment is closed and a new one begun past this size; default 4 MiB (at most maxBytes/4). */
  segmentBytes?: number;
  /** Told of every failed write (retried at the next interval) or delete. */
  onError?: (error: unknown) => void;
}

/** Counters of a {@link PublishSpool} since it was opened. */
export interface PublishSpoolStats {
  /** Bytes in segment files, written or about to be. */
  bytes: number;
  segments: number;
  appended: number;
  acknowledged: number;
  /** Messages found unacknowledged at open, to publish again. */
  replayed: number;
  /** Segment files whose tail was cut short or damaged (skipped from there on). */
  damagedSegments: number;
  /** Messages refused because the spool was at `maxBytes`. */
  full: number;
}

/** A local, append-only record of messages not yet acknowledged by the stream. */
export interface PublishSpool {
  /** Messages a previous process appended and never saw acknowledged, oldest first. */
  readonly recovered: readonly SpooledMessage[];
  /** Records a message (written at the next interval); false when the spool is full or closed. */
  append(message: SpooledMessage): boolean;
  /** The stream has the message: its segment may go once every message in it has. */
  acknowledge(msgId: string): void;
  /** Writes and fsyncs what was appended, then deletes segments nothing is waiting on. */
  flush(): Promise<void>;
  stats(): PublishSpoolStats;
  /** Flushes, closes the files and releases the directory; what is unacknowledged stays. */
  close(): Promise<void>;
}

interface Segment {
  sequence: number;
  path: string;
  bytes: number;
  /** Messages in it not yet acknowledged. */
  pending: number;
  unwritten: Buffer[];
  file: FileHandle | undefined;
}

const DEFAULT_SEGMENT_BYTES = 4 * 1024 * 1024;

/**
 * Opens (and recovers) a spool directory: segment files of checksummed records, appended in
 * batches and fsynced every `fsyncIntervalMs`. Acknowledgements are records too, so a restart
 * republishes only what the stream never confirmed. Segments are deleted oldest first once
 * nothing in them waits, which keeps every acknowledgement record behind the message it names.
 */
export function openPublishSpool(options: PublishSpoolOptions): PublishSpool {
  mkdirSync(options.directory, { recursive: true });
  const release = lockSpoolDirectory(options.directory);
  const segmentBytes = Math.min(
    options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
    Math.max(1, Math.floor(options.maxBytes / 4)),
  );
  const found = readSpoolDirectory(options.directory);
  const segments: Segment[] = found.segments.map((segment) => ({
    ...segment,
    pending: 0,
    unwritten: [],
    file: undefined,
  }));
  const waiting = new Map<string, Segment>();
  for (const [msgId, { segment }] of found.pending) {
    const live = segments.find((candidate) => candidate.sequence === segment.sequence);
    if (live === undefined) continue;
    live.pending += 1;
    waiting.set(msgId, live);
  }
  const counters = {
    appended: 0,
    acknowledged: 0,
    replayed: found.pending.size,
    damagedSegments: found.damagedSegments,
    full: 0,
  };
  let bytes = segments.reduce((total, segment) => total + segment.bytes, 0);
  let active = startSegment((segments.at(-1)?.sequence ?? 0) + 1);
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  function startSegment(sequence: number): Segment {
    const segment: Segment = {
      sequence,
      path: join(options.directory, segmentFileName(sequence)),
      bytes: 0,
      pending: 0,
      unwritten: [],
      file: undefined,
    };
    segments.push(segment);
    return segment;
  }

  const write = (record: Buffer): void => {
    if (active.bytes > 0 && active.bytes + record.length > segmentBytes) {
      active = startSegment(active.sequence + 1);
    }
    active.unwritten.push(record);
    active.bytes += record.length;
    bytes += record.length;
  };

  const writeSegment = async (segment: Segment): Promise<void> => {
    if (segment.unwritten.length > 0) {
      const batch = segment.unwritten;
      segment.unwritten = [];
      try {
        segment.file ??= await open(segment.path, 'a');
        await segment.file.write(Buffer.concat(batch));
        await segment.file.datasync();
      } catch (error: unknown) {
        segment.unwritten = [...batch, ...segment.unwritten];
        throw error;
      }
    }
    if (segment !== active && segment.unwritten.length === 0 && segment.file !== undefined) {
      await segment.file.close();
      segment.file = undefined;
    }
  };

  const compact = async (): Promise<void> => {
    for (
      let oldest = segments[0];
      oldest !== undefined && oldest !== active;
      oldest = segments[0]
    ) {
      if (oldest.pending > 0 || oldest.unwritten.length > 0 || oldest.file !== undefined) return;
      await unlink(oldest.path).catch((error: unknown) => {
        if (!isErrorCode(error, 'ENOENT')) throw error;
      });
      segments.shift();
      bytes -= oldest.bytes;
    }
  };

  const flushNow = async (): Promise<void> => {
    try {
      for (const segment of [...segments]) await writeSegment(segment);
      await compact();
    } catch (error: unknown) {
      options.onError?.(error);
    }
  };

  const flush = (): Promise<void> => {
    chain = chain.then(flushNow);
    return chain;
  };

  let flushing = false;
  const timer = setInterval(() => {
    if (flushing || !segments.some((segment) => segment.unwritten.length > 0)) return;
    flushing = true;
    void flush().finally(() => {
      flushing = false;
    });
  }, options.fsyncIntervalMs);
  timer.unref();
  // Segments replayed in full by an earlier run, or holding only acknowledged messages, go now.
  void flush();

  return {
    recovered: [...found.pending.values()].map(({ message }) => message),
    append(message) {
      if (closed) return false;
      const { msgId } = message.options;
      if (waiting.has(msgId)) return true;
      const record = encodeSpoolRecord({ kind: 'message', message });
      if (bytes + record.length > options.maxBytes) {
        counters.full += 1;
        return false;
      }
      write(record);
      active.pending += 1;
      waiting.set(msgId, active);
      counters.appended += 1;
      return true;
    },
    acknowledge(msgId) {
      const segment = waiting.get(msgId);
      if (segment === undefined || closed) return;
      waiting.delete(msgId);
      segment.pending -= 1;
      counters.acknowledged += 1;
      // Never refused for space: it is what lets the space be reclaimed.
      write(encodeSpoolRecord({ kind: 'acknowledged', msgId }));
    },
    flush,
    stats: () => ({ bytes, segments: segments.length, ...counters }),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await flush();
      for (const segment of segments) await segment.file?.close();
      release();
    },
  };
}
