import {
  isUsageBatch,
  type UsageEventV1,
  usageBatchV1Schema,
  usageEventV1Schema,
} from '@switchyard/contracts';
import type { z } from 'zod';

/** Why a message, or one event of a batch, cannot be written. */
export type UnusableReason = 'unparseable' | 'invalid';

/** One event of a message: usage event v1, or why not (with its bytes, to dead-letter). */
export type UsageItem = ValidUsageItem | InvalidUsageItem;
export interface ValidUsageItem {
  ok: true;
  event: UsageEventV1;
  /** Its trace context. */
  headers: Record<string, string>;
}
export interface InvalidUsageItem {
  ok: false;
  reason: 'invalid';
  detail: string;
  data: Uint8Array;
  headers: Record<string, string>;
  msgId: string | undefined;
}

/** A usage message as read: its events (one, or a batch's), or why none can be read. */
export type ParsedUsageMessage =
  | { ok: true; batch: boolean; items: UsageItem[] }
  | { ok: false; reason: UnusableReason; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * Reads a message body as usage event v1 or usage batch v1. Bytes that are not JSON are
 * `unparseable`; JSON that is neither is `invalid`, with the first offending field named in
 * `detail`. In a batch each event is checked on its own: an invalid one becomes an item to
 * dead-letter by itself, never a reason to refuse the rest.
 */
export function parseUsageMessage(
  data: Uint8Array,
  headers: Record<string, string>,
): ParsedUsageMessage {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch (error: unknown) {
    return { ok: false, reason: 'unparseable', detail: errorText(error) };
  }
  if (!isUsageBatch(json)) {
    const result = usageEventV1Schema.safeParse(json);
    if (!result.success) return { ok: false, reason: 'invalid', detail: firstIssue(result.error) };
    return { ok: true, batch: false, items: [{ ok: true, event: result.data, headers }] };
  }
  const batch = usageBatchV1Schema.safeParse(json);
  if (!batch.success) return { ok: false, reason: 'invalid', detail: firstIssue(batch.error) };
  const items = batch.data.events.map((event, index): UsageItem => {
    const eventHeaders = batch.data.headers[index] ?? {};
    const result = usageEventV1Schema.safeParse(event);
    if (result.success) return { ok: true, event: result.data, headers: eventHeaders };
    const requestId =
      typeof event === 'object' && event !== null && 'request_id' in event
        ? event.request_id
        : undefined;
    return {
      ok: false,
      reason: 'invalid',
      detail: `events.${index}.${firstIssue(result.error)}`,
      data: encoder.encode(JSON.stringify(event)),
      headers: eventHeaders,
      msgId: typeof requestId === 'string' ? requestId : undefined,
    };
  });
  return { ok: true, batch: true, items };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') || '(root)';
  return `${path}: ${issue?.message ?? 'invalid'}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
