import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSpoolRecords, type SpooledMessage } from './spool-record.js';

/** A segment file found at start, with the messages in it still unacknowledged. */
export interface RecoveredSegment {
  sequence: number;
  path: string;
  bytes: number;
}

const SEGMENT_NAME = /^segment-(\d{1,15})\.spool$/;

/** The file name of segment `sequence`; names sort in sequence order. */
export function segmentFileName(sequence: number): string {
  return `segment-${String(sequence).padStart(15, '0')}.spool`;
}

/**
 * Reads every segment of a spool directory, oldest first, and returns the messages no
 * acknowledgement record followed, with the segment each lives in. A damaged record (a crash
 * cut the write short) ends its segment's reading and is counted; the start goes on.
 */
export function readSpoolDirectory(directory: string): {
  segments: RecoveredSegment[];
  pending: Map<string, { message: SpooledMessage; segment: RecoveredSegment }>;
  damagedSegments: number;
} {
  const segments = readdirSync(directory)
    .flatMap((name) => {
      const match = SEGMENT_NAME.exec(name);
      return match?.[1] === undefined ? [] : [{ sequence: Number(match[1]), name }];
    })
    .sort((left, right) => left.sequence - right.sequence)
    .map(({ sequence, name }) => ({ sequence, path: join(directory, name), bytes: 0 }));
  const pending = new Map<string, { message: SpooledMessage; segment: RecoveredSegment }>();
  let damagedSegments = 0;
  for (const segment of segments) {
    const bytes = readFileSync(segment.path);
    segment.bytes = bytes.length;
    const { records, damaged } = decodeSpoolRecords(bytes);
    if (damaged) damagedSegments += 1;
    for (const record of records) {
      if (record.kind === 'acknowledged') pending.delete(record.msgId);
      else pending.set(record.message.options.msgId, { message: record.message, segment });
    }
  }
  return { segments, pending, damagedSegments };
}
