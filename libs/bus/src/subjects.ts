/** The JetStream stream that carries usage events from the gateways to accounting. */
export const USAGE_STREAM = 'USAGE';

/** Every subject of usage event v1, for the stream's subjects and the consumer's filter. */
export const USAGE_SUBJECTS = 'usage.v1.>';

/** The subject of a usage event v1 by HTTP status class, e.g. `usage.v1.2xx`. */
export function usageSubject(status: number): string {
  const statusClass = Math.floor(status / 100);
  if (!Number.isInteger(statusClass) || statusClass < 1 || statusClass > 5) {
    throw new RangeError(`not an HTTP status: ${status}`);
  }
  return `usage.v1.${statusClass}xx`;
}

/** The subject of a usage batch v1: several events, of any status, in one message. */
export const USAGE_BATCH_SUBJECT = 'usage.v1.batch';

/**
 * Where the accounting consumer puts usage messages it cannot use (unparseable, not usage
 * event v1, or refused by the database on every delivery), with the reason in headers.
 */
export const USAGE_DEADLETTER_SUBJECT = 'usage.deadletter.v1';

/** The stream holding dead-lettered usage messages; apart from {@link USAGE_STREAM}. */
export const USAGE_DEADLETTER_STREAM = 'USAGE_DEADLETTER';

/** Every dead-letter subject, for the dead-letter stream's subjects. */
export const USAGE_DEADLETTER_SUBJECTS = 'usage.deadletter.>';

/** Broadcast when a key or team changes, so gateways evict the cached principal. */
export const KEYS_CHANGED_SUBJECT = 'accounting.keys.changed';

/** The key-value bucket holding the catalog snapshot the gateways reload from. */
export const CATALOG_BUCKET = 'catalog';
