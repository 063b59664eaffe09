import { type UsageEventV1, usageEventV1Schema } from '@switchyard/contracts';

/** A usage message as read: the event, or why it cannot be one. */
export type ParsedUsageMessage =
  | { ok: true; event: UsageEventV1 }
  | { ok: false; reason: 'unparseable' | 'invalid'; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a message body as usage event v1. Bytes that are not JSON are `unparseable`; JSON that is
 * not a v1 event is `invalid`, with the first offending field named in `detail`.
 */
export function parseUsageMessage(data: Uint8Array): ParsedUsageMessage {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch (error: unknown) {
    return { ok: false, reason: 'unparseable', detail: errorText(error) };
  }
  const result = usageEventV1Schema.safeParse(json);
  if (result.success) return { ok: true, event: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') || '(root)';
  return { ok: false, reason: 'invalid', detail: `${path}: ${issue?.message ?? 'invalid'}` };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
