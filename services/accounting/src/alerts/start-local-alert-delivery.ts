import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import {
  type AlertDelivery,
  type AlertDeliverySettings,
  DEFAULT_ALERT_DELIVERY_SETTINGS,
} from './alert-delivery.js';
import { findPendingDeliveries } from './find-pending-deliveries.js';
import { sendAlertDelivery } from './send-alert-delivery.js';

/** Options of {@link startLocalAlertDelivery}. */
export interface LocalAlertDeliveryOptions {
  db: Kysely<Tables>;
  logger: Logger;
  settings?: Partial<AlertDeliverySettings>;
  now?: () => number;
  sweepEveryMs?: number;
}

/**
 * Sends alert deliveries from this process, for a deployment without Redis (standalone): the same
 * attempts, exponential backoff and delivery log as the BullMQ queue, with timers. Fine for one
 * process; with several replicas use Redis, or each would retry the deliveries it recorded only.
 * A delivery whose retry a restart cut short is not resumed (it stays `retrying`).
 */
export function startLocalAlertDelivery(options: LocalAlertDeliveryOptions): AlertDelivery {
  const settings = { ...DEFAULT_ALERT_DELIVERY_SETTINGS, ...options.settings };
  const now = options.now ?? Date.now;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<string>();
  let stopped = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const attempt = async (deliveryId: string, number: number): Promise<void> => {
    if (stopped) return;
    try {
      const result = await sendAlertDelivery({
        db: options.db,
        deliveryId,
        lastAttempt: number >= settings.attempts,
        timeoutMs: settings.timeoutMs,
        nowMs: now(),
      });
      if (result.kind === 'failed' && result.retry) {
        options.logger.warn({ deliveryId, attempt: number }, 'alert delivery attempt failed');
        later(settings.backoffMs * 2 ** (number - 1), () => void attempt(deliveryId, number + 1));
        return;
      }
    } catch (error: unknown) {
      options.logger.warn({ err: error, deliveryId }, 'alert delivery not attempted');
    }
    inFlight.delete(deliveryId);
  };

  const enqueue = async (deliveryIds: readonly string[]) => {
    for (const deliveryId of deliveryIds) {
      if (inFlight.has(deliveryId)) continue;
      inFlight.add(deliveryId);
      void attempt(deliveryId, 1);
    }
  };

  const sweep = setInterval(() => {
    findPendingDeliveries(options.db)
      .then(enqueue)
      .catch((error: unknown) =>
        options.logger.warn({ err: error }, 'could not send pending alert deliveries'),
      );
  }, options.sweepEveryMs ?? 60_000);
  sweep.unref();

  return {
    enqueue,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
