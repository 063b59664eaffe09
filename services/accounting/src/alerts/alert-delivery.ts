// What alert delivery is, whichever way it runs: through BullMQ with Redis
// (`start-alert-delivery.ts`, loaded only then) or on timers in this process
// (`start-local-alert-delivery.ts`).

/** How deliveries are retried and timed out. */
export interface AlertDeliverySettings {
  /** Attempts per delivery, the first included; default 8. */
  attempts: number;
  /** Wait before the first retry; each next one doubles (BullMQ's exponential backoff); default 2 s. */
  backoffMs: number;
  /** Longest a receiver may take to answer; default 10 s. */
  timeoutMs: number;
}

export const DEFAULT_ALERT_DELIVERY_SETTINGS: Readonly<AlertDeliverySettings> = Object.freeze({
  attempts: 8,
  backoffMs: 2_000,
  timeoutMs: 10_000,
});

/** Delivery, running: a BullMQ queue and its worker, or this process's timers. */
export interface AlertDelivery {
  /** Queues deliveries to send (a delivery queued twice is sent once). */
  enqueue(deliveryIds: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}
