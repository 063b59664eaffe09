import type { Bus, BusMessage } from './bus.js';

const NAMESPACE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The bus seen through a namespace: every subject gets `<namespace>.` in front and every stream
 * and bucket `<namespace>_`, so several Switchyard installations (or parallel test runs) share
 * one NATS without seeing each other's messages. Handlers see the subjects without the prefix.
 */
export function withNamespace(bus: Bus, namespace: string): Bus {
  if (!NAMESPACE.test(namespace)) {
    throw new RangeError(`a bus namespace is 1–32 letters, digits, '_' or '-': ${namespace}`);
  }
  const subject = (name: string) => `${namespace}.${name}`;
  const named = (name: string) => `${namespace}_${name}`;
  const unprefixed = (name: string) =>
    name.startsWith(`${namespace}.`) ? name.slice(namespace.length + 1) : name;
  const view = (message: BusMessage): BusMessage => ({
    subject: unprefixed(message.subject),
    data: message.data,
    headers: message.headers,
    msgId: message.msgId,
    deliveryCount: message.deliveryCount,
    maxDeliver: message.maxDeliver,
    ack: () => message.ack(),
    nak: (delayMs) => message.nak(delayMs),
    term: () => message.term(),
  });
  return {
    ensureStream: (config) =>
      bus.ensureStream({
        ...config,
        name: named(config.name),
        subjects: config.subjects.map(subject),
      }),
    publish: (name, data, options) => bus.publish(subject(name), data, options),
    consume: (options, handler) =>
      bus.consume(
        {
          ...options,
          stream: named(options.stream),
          ...(options.filterSubject !== undefined && {
            filterSubject: subject(options.filterSubject),
          }),
        },
        (batch) => handler(batch.map(view)),
      ),
    broadcast: (name, data, headers) => bus.broadcast(subject(name), data, headers),
    subscribe: (name, handler) => bus.subscribe(subject(name), handler),
    kv: (bucket) => bus.kv(named(bucket)),
    isConnected: () => bus.isConnected(),
    close: () => bus.close(),
  };
}
