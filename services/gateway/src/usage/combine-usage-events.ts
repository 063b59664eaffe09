import { randomUUID } from 'node:crypto';
import { type OutgoingMessage, USAGE_BATCH_SUBJECT } from '@switchyard/bus';

const OPEN = Buffer.from('{"version":1,"events":[');
const COMMA = Buffer.from(',');

/**
 * Usage events waiting together as one usage batch v1 (`@switchyard/contracts`): their JSON bytes
 * spliced into the envelope as they are (never parsed again), each event's trace context kept
 * beside it, under a message id of the batch's own: were it an event's, a batch formed again
 * after a restart (the spool's replay) around the same first event would be dropped whole by
 * JetStream's duplicate window. A retry of the same batch keeps its id; the ledger stays
 * exactly-once by each event's request id.
 */
export function combineUsageEvents(messages: readonly OutgoingMessage[]): OutgoingMessage {
  const parts: Uint8Array[] = [OPEN];
  const headers: Array<Record<string, string>> = [];
  for (const [index, message] of messages.entries()) {
    if (index > 0) parts.push(COMMA);
    parts.push(message.data);
    headers.push(message.options.headers ?? {});
  }
  parts.push(Buffer.from(`],"headers":${JSON.stringify(headers)}}`));
  return {
    subject: USAGE_BATCH_SUBJECT,
    data: Buffer.concat(parts),
    options: { msgId: `batch-${randomUUID()}` },
  };
}
