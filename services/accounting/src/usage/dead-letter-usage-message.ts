import type { Bus, BusMessage } from '@switchyard/bus';
import type { DeadLetterReason } from './usage-consumer-metrics.js';

/** Header names a dead-lettered message carries besides the publisher's own. */
export const DEAD_LETTER_HEADERS = {
  reason: 'Switchyard-Deadletter-Reason',
  detail: 'Switchyard-Deadletter-Detail',
  subject: 'Switchyard-Deadletter-Subject',
  deliveries: 'Switchyard-Deadletter-Deliveries',
} as const;

/**
 * Publishes the message's bytes unchanged to the dead-letter subject, with why and from where
 * in headers and its message id (so a retried dead-lettering is stored once).
 */
export async function deadLetterUsageMessage(
  bus: Pick<Bus, 'publish'>,
  subject: string,
  message: BusMessage,
  reason: DeadLetterReason,
  detail: string,
): Promise<void> {
  await bus.publish(subject, message.data, {
    ...(message.msgId === undefined ? {} : { msgId: message.msgId }),
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.reason]: reason,
      // Header values are one line and short.
      [DEAD_LETTER_HEADERS.detail]: detail.replace(/[\r\n]+/g, ' ').slice(0, 512),
      [DEAD_LETTER_HEADERS.subject]: message.subject,
      [DEAD_LETTER_HEADERS.deliveries]: String(message.deliveryCount),
    },
  });
}
