import { describeBusContract } from '../describe-bus-contract.js';
import { createMemoryBus } from './create-memory-bus.js';

describeBusContract('createMemoryBus', {
  createBus: async () => createMemoryBus(),
  deleteStream: async () => {},
  deleteBucket: async () => {},
  timing: { maxWaitMs: 100, ackWaitMs: 300 },
});
