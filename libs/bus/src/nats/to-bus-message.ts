import type { JsMsg } from '@nats-io/jetstream';
import type { BusMessage } from '../bus.js';
import { fromNatsHeaders, msgIdHeader } from './nats-headers.js';

/** A JetStream delivery as a {@link BusMessage}. */
export function toBusMessage(message: JsMsg, maxDeliver: number): BusMessage {
  const msgId = message.headers?.get(msgIdHeader);
  return {
    subject: message.subject,
    data: message.data,
    headers: fromNatsHeaders(message.headers),
    msgId: msgId === undefined || msgId === '' ? undefined : msgId,
    deliveryCount: message.info.deliveryCount,
    maxDeliver,
    ack: () => message.ack(),
    nak: (delayMs) => message.nak(delayMs),
    term: () => message.term(),
  };
}
