import { describe, expect, it } from 'vitest';
import { createMemoryBus } from './memory/create-memory-bus.js';
import { withNamespace } from './with-namespace.js';

describe('withNamespace', () => {
  it('keeps two namespaces on one bus apart and hands subjects back without the prefix', async () => {
    const shared = createMemoryBus();
    const [blue, green] = [withNamespace(shared, 'blue'), withNamespace(shared, 'green')];
    const stream = { name: 'USAGE', subjects: ['usage.v1.>'] };
    await blue.ensureStream(stream);
    await green.ensureStream(stream);
    await blue.publish('usage.v1.2xx', Buffer.from('b'), { msgId: 'same-id' });
    await green.publish('usage.v1.2xx', Buffer.from('g'), { msgId: 'same-id' });

    const seen: string[] = [];
    const consumer = blue.consume(
      {
        stream: 'USAGE',
        durable: 'acct',
        batchSize: 10,
        maxWaitMs: 1000,
        ackWaitMs: 30_000,
        maxDeliver: 5,
      },
      async (batch) => {
        for (const message of batch) {
          seen.push(`${message.subject}:${Buffer.from(message.data).toString()}`);
          message.ack();
        }
      },
    );
    await expect.poll(() => seen).toEqual(['usage.v1.2xx:b']);
    await consumer.stop();

    const heard: string[] = [];
    green.subscribe('accounting.keys.changed', (data) => heard.push(Buffer.from(data).toString()));
    await blue.broadcast('accounting.keys.changed', Buffer.from('blue'));
    await green.broadcast('accounting.keys.changed', Buffer.from('green'));
    await expect.poll(() => heard).toEqual(['green']);
    await shared.close();
  });

  it('refuses a namespace NATS names cannot carry', () => {
    expect(() => withNamespace(createMemoryBus(), 'a.b')).toThrow(RangeError);
  });
});
