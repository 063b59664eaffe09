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
export { deleteNatsStreams } from './nats/delete-nats-streams.js';
export { startTcpProxy, type TcpProxy } from './nats/start-tcp-proxy.js';
export {
  type BufferedPublisher,
  type BufferedPublisherOptions,
  type BufferedPublisherStats,
  createBufferedPublisher,
  type DroppedMessage,
  type OutgoingMessage,
  type PublishBatching,
} from './publisher/create-buffered-publisher.js';
export { registerBufferedPublisherMetrics } from './publisher/register-buffered-publisher-metrics.js';
export {
  openPublishSpool,
  type PublishSpool,
  type PublishSpoolOptions,
  type PublishSpoolStats,
} from './spool/open-publish-spool.js';
export { registerPublishSpoolMetrics } from './spool/register-publish-spool-metrics.js';
export type { SpooledMessage } from './spool/spool-record.js';
export {
  CATALOG_BUCKET,
  KEYS_CHANGED_SUBJECT,
  USAGE_BATCH_SUBJECT,
  USAGE_DEADLETTER_STREAM,
  USAGE_DEADLETTER_SUBJECT,
  USAGE_DEADLETTER_SUBJECTS,
  USAGE_STREAM,
  USAGE_SUBJECTS,
  usageSubject,
} from './subjects.js';
export { extractTraceContext, injectTraceContext } from './trace-context.js';
export { withNamespace } from './with-namespace.js';
