export type {
  Bus,
  BusMessage,
  ConsumeOptions,
  Consumer,
  PublishAck,
  PublishOptions,
  StreamConfig,
  Subscription,
} from './bus.js';
export { BusError, type BusErrorCode } from './bus-error.js';
export type { KeyValueEntry, KeyValueStore, KeyValueWatch } from './key-value-store.js';
export { createMemoryBus, type MemoryBusOptions } from './memory/create-memory-bus.js';
export { connectNatsBus, type NatsBusOptions } from './nats/connect-nats-bus.js';
export {
  CATALOG_BUCKET,
  KEYS_CHANGED_SUBJECT,
  USAGE_STREAM,
  USAGE_SUBJECTS,
  usageSubject,
} from './subjects.js';
export { extractTraceContext, injectTraceContext } from './trace-context.js';
