import { describe } from 'vitest';
import { type BusContractHarness, useContractFixture } from './contract/contract-fixture.js';
import { describeBroadcastContract } from './contract/describe-broadcast-contract.js';
import { describeKeyValueContract } from './contract/describe-key-value-contract.js';
import { describeStreamContract } from './contract/describe-stream-contract.js';

export type { BusContractHarness } from './contract/contract-fixture.js';

/**
 * The behaviour every {@link Bus} implementation must show, run by each implementation's tests
 * (in-process and real NATS). For tests only: not exported from the package.
 */
export function describeBusContract(name: string, harness: BusContractHarness): void {
  describe(`${name} (bus contract)`, () => {
    const fixture = useContractFixture(harness);
    describeStreamContract(fixture);
    describeBroadcastContract(fixture);
    describeKeyValueContract(fixture);
  });
}
