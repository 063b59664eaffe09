import type { Bus, BusMessage } from '@switchyard/bus';
import type { Logger } from 'pino';
import type { DeadLetterReason, UsageConsumerMetrics } from './usage-consumer-metrics.js';

/** What is dead-lettered: a whole message, or one event of a batch with its own bytes and id. */
export type DeadLetterable = Pick<
  BusMessage,
  'subject' | 'data' | 'headers' | 'msgId' | 'deliveryCount'
>;

/** Header names a dead-lettered message carries besides the publisher's own. */
export const DEAD_LETTER_HEADERS = {
  reason: 'Switchyard-Deadletter-Reason',
  detail: 'Switchyard-Deadletter-Detail',
  subject: 'Switchyard-Deadletter-Subject',
  deliveries: 'Switchyard-Deadletter-Deliveries',
} as const;

/**
 * Publishes the message's (or event's) bytes unchanged to the dead-letter subject, with why and
 * from where in headers and its message id (so a retried dead-lettering is stored once).
 */
export async function deadLetterUsageMessage(
  bus: Pick<Bus, 'publish'>,
  subject: string,
  message: DeadLetterable,
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

/** Where dead letters go, and where their outcome is told. */
export interface DeadLetterContext {
  bus: Pick<Bus, 'publish'>;
  deadLetterSubject: string;
  logger: Logger;
  metrics: UsageConsumerMetrics;
}

/** {@link deadLetterUsageMessage}, logged and counted; false when the publish failed. */
export async function publishDeadLetter(
  context: DeadLetterContext,
  source: DeadLetterable,
  lastDelivery: boolean,
  reason: DeadLetterReason,
  detail: string,
): Promise<boolean> {
  try {
    await deadLetterUsageMessage(context.bus, context.deadLetterSubject, source, reason, detail);
  } catch (error: unknown) {
    context.logger.error(
      { err: error, subject: source.subject, msgId: source.msgId, reason, lastDelivery },
      lastDelivery
        ? 'could not dead-letter a usage message on its last delivery; it is lost'
        : 'could not dead-letter a usage message; it will be redelivered',
    );
    return false;
  }
  context.metrics.deadLettered.inc({ reason });
  context.logger.warn(
    { subject: source.subject, msgId: source.msgId, reason, detail },
    'usage message dead-lettered',
  );
  return true;
}
