import { useNats } from '@switchyard/testing';
import { describeBusContract } from '../describe-bus-contract.js';
import { connectNatsBus } from './connect-nats-bus.js';
import { deleteNatsStreams } from './delete-nats-streams.js';

let natsUrl: Promise<string> | undefined;
const url = (): Promise<string> => {
  natsUrl ??= useNats().then((service) => service.url);
  return natsUrl;
};

describeBusContract('connectNatsBus', {
  createBus: async () => connectNatsBus({ url: await url(), name: 'bus-contract' }),
  deleteStream: async (name) => deleteNatsStreams(await url(), [name]),
  deleteBucket: async (name) => deleteNatsStreams(await url(), [`KV_${name}`]),
  // An ack wait that is not a multiple of the fetch expiry: a redelivery falling due exactly as
  // a fetch expires can reach the abandoned pull and come back late, without a delivery counted.
  timing: { maxWaitMs: 1_000, ackWaitMs: 1_500 },
});
