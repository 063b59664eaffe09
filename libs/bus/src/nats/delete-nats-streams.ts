import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** Deletes streams (a KV bucket is stream `KV_<bucket>`) a test created; missing ones are fine. */
export async function deleteNatsStreams(url: string, names: string[]): Promise<void> {
  const connection = await connect({ servers: url, name: 'bus-test-cleanup' });
  try {
    const manager = await jetstreamManager(connection);
    await Promise.all(names.map((name) => manager.streams.delete(name).catch(() => false)));
  } finally {
    await connection.close();
  }
}
