import type { BusMessage } from '@switchyard/bus';
import type { InvalidUsageItem } from './parse-usage-message.js';

/**
 * A delivered message and how far its events got: acked once every one is written or
 * dead-lettered, nak'd at once when one must come again (its written events are then no-ops on
 * redelivery, by request id).
 */
export interface Delivery {
  message: BusMessage;
  /** A usage batch v1 rather than a single event. */
  batch: boolean;
  /** Events not yet written or dead-lettered. */
  open: number;
  /** Nak'd: it comes again whole, and is never acked this time. */
  held: boolean;
  /** Its events that are not usage event v1, dead-lettered once it is known not to come again. */
  invalid: InvalidUsageItem[];
}

/** One of the message's events is done with: the message is acked once all are, unless held. */
export function settleEvent(delivery: Delivery): void {
  delivery.open -= 1;
  if (delivery.open === 0 && !delivery.held) delivery.message.ack();
}

/** The message must come again (after `delayMs`): nak'd once, never acked this time. */
export function hold(delivery: Delivery, delayMs: number): void {
  if (delivery.held) return;
  delivery.held = true;
  delivery.message.nak(delayMs);
}

/** Whether the consumer will deliver the message no more. */
export function isLastDelivery(message: BusMessage): boolean {
  return message.maxDeliver !== -1 && message.deliveryCount >= message.maxDeliver;
}
