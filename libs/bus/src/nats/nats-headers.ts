import { headers as createHeaders, type MsgHdrs } from '@nats-io/transport-node';

/** The header NATS reads a JetStream message id from. */
export const msgIdHeader = 'Nats-Msg-Id';

/** NATS message headers from a plain record; undefined when there are none. */
export function toNatsHeaders(record: Record<string, string> | undefined): MsgHdrs | undefined {
  if (record === undefined) return undefined;
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  const natsHeaders = createHeaders();
  for (const [name, value] of entries) natsHeaders.set(name, value);
  return natsHeaders;
}

/** A plain record of a message's headers, leaving out the reserved `Nats-*` ones. */
export function fromNatsHeaders(natsHeaders: MsgHdrs | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (natsHeaders === undefined) return record;
  for (const name of natsHeaders.keys()) {
    if (name.toLowerCase().startsWith('nats-')) continue;
    record[name] = natsHeaders.get(name);
  }
  return record;
}
