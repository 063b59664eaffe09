import { crc32 } from 'node:zlib';
import type { PublishOptions } from '../bus.js';

/** A message kept in the spool until the stream acknowledges it; only messages with an id. */
export interface SpooledMessage {
  subject: string;
  data: Uint8Array;
  options: PublishOptions & { msgId: string };
}

/** One record of a segment file: a message, or the note that one was acknowledged. */
export type SpoolRecord =
  | { kind: 'message'; message: SpooledMessage }
  | { kind: 'acknowledged'; msgId: string };

const HEADER_BYTES = 8;
const MESSAGE = 1;
const ACKNOWLEDGED = 2;
/** Larger lengths can only come from a damaged header: NATS refuses messages past a few MB. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * Frames a record as `length (u32 BE) | crc32 of body (u32 BE) | body`, so a reader can tell a
 * write the crash cut short, or damaged bytes, from a whole record.
 */
export function encodeSpoolRecord(record: SpoolRecord): Buffer {
  let body: Buffer;
  if (record.kind === 'acknowledged') {
    body = Buffer.concat([Buffer.of(ACKNOWLEDGED), Buffer.from(record.msgId)]);
  } else {
    const { subject, data, options } = record.message;
    const meta = Buffer.from(
      JSON.stringify({ subject, msgId: options.msgId, headers: options.headers }),
    );
    const metaLength = Buffer.alloc(4);
    metaLength.writeUInt32BE(meta.length);
    body = Buffer.concat([Buffer.of(MESSAGE), metaLength, meta, data]);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(body.length, 0);
  header.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([header, body]);
}

/**
 * Reads the records of one segment file in order. Reading stops at the first record that is cut
 * short or fails its checksum (a crash mid-write leaves at most one, at the end): `damaged` says
 * so and `validBytes` is where the whole records end. Never throws.
 */
export function decodeSpoolRecords(bytes: Buffer): {
  records: SpoolRecord[];
  validBytes: number;
  damaged: boolean;
} {
  const records: SpoolRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const record = decodeAt(bytes, offset);
    if (record === undefined) return { records, validBytes: offset, damaged: true };
    records.push(record.record);
    offset = record.end;
  }
  return { records, validBytes: offset, damaged: false };
}

function decodeAt(bytes: Buffer, offset: number): { record: SpoolRecord; end: number } | undefined {
  if (offset + HEADER_BYTES > bytes.length) return undefined;
  const length = bytes.readUInt32BE(offset);
  const end = offset + HEADER_BYTES + length;
  if (length === 0 || length > MAX_RECORD_BYTES || end > bytes.length) return undefined;
  const body = bytes.subarray(offset + HEADER_BYTES, end);
  if (crc32(body) !== bytes.readUInt32BE(offset + 4)) return undefined;
  const record = decodeBody(body);
  return record === undefined ? undefined : { record, end };
}

function decodeBody(body: Buffer): SpoolRecord | undefined {
  if (body[0] === ACKNOWLEDGED) return { kind: 'acknowledged', msgId: body.toString('utf8', 1) };
  if (body[0] !== MESSAGE || body.length < 5) return undefined;
  const metaEnd = 5 + body.readUInt32BE(1);
  if (metaEnd > body.length) return undefined;
  const meta = parseMeta(body.toString('utf8', 5, metaEnd));
  if (meta === undefined) return undefined;
  const options: SpooledMessage['options'] = { msgId: meta.msgId };
  if (meta.headers !== undefined) options.headers = meta.headers;
  // A copy: the segment's buffer is let go once read.
  const data = Uint8Array.from(body.subarray(metaEnd));
  return { kind: 'message', message: { subject: meta.subject, data, options } };
}

function parseMeta(
  text: string,
): { subject: string; msgId: string; headers: Record<string, string> | undefined } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { subject, msgId, headers } = value as Record<string, unknown>;
  if (typeof subject !== 'string' || typeof msgId !== 'string') return undefined;
  if (headers === undefined) return { subject, msgId, headers: undefined };
  if (typeof headers !== 'object' || headers === null) return undefined;
  const entries = Object.entries(headers);
  if (!entries.every(([, header]) => typeof header === 'string')) return undefined;
  return { subject, msgId, headers: Object.fromEntries(entries) as Record<string, string> };
}
