import { BusError } from './bus-error.js';

const validKey = /^[-/_=a-zA-Z0-9]+(\.[-/_=a-zA-Z0-9]+)*$/;

/** Throws unless `key` is a valid NATS KV key (so standalone accepts exactly what NATS does). */
export function assertKeyValueKey(key: string): void {
  if (!validKey.test(key)) {
    throw new BusError('invalid_argument', `not a valid key-value key: ${JSON.stringify(key)}`);
  }
}
