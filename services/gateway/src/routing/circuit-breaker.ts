/** closed: traffic flows; open: refused until the cooldown ends; half_open: one trial call. */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakers {
  /** Whether a call may go to this route now (an open circuit past its cooldown allows one trial). */
  allows(key: string): boolean;
  succeeded(key: string): void;
  failed(key: string): void;
  /** Ends a trial call that neither succeeded nor failed as a route (a 4xx, a 429, a client gone). */
  release(key: string): void;
  state(key: string): CircuitState;
}

interface Circuit {
  failures: number;
  openedAt: number | undefined;
  /** When the current trial call started; a trial older than the cooldown no longer blocks. */
  trialStartedAt: number | undefined;
}

/**
 * One circuit per route (provider + upstream model): after `threshold` consecutive retryable
 * failures the route is skipped for `cooldownMs`, then a single trial decides whether it closes.
 */
export function createCircuitBreakers(options: {
  threshold: number;
  cooldownMs: number;
  now: () => number;
  onChange?: (key: string, state: CircuitState) => void;
}): CircuitBreakers {
  const circuits = new Map<string, Circuit>();
  const circuitOf = (key: string): Circuit => {
    let circuit = circuits.get(key);
    if (!circuit) {
      circuit = { failures: 0, openedAt: undefined, trialStartedAt: undefined };
      circuits.set(key, circuit);
    }
    return circuit;
  };
  const stateOf = (circuit: Circuit): CircuitState => {
    if (circuit.openedAt === undefined) return 'closed';
    return options.now() - circuit.openedAt >= options.cooldownMs ? 'half_open' : 'open';
  };
  return {
    allows(key) {
      const circuit = circuitOf(key);
      const state = stateOf(circuit);
      if (state === 'closed') return true;
      if (state === 'open') return false;
      const now = options.now();
      if (circuit.trialStartedAt !== undefined && now - circuit.trialStartedAt < options.cooldownMs)
        return false;
      circuit.trialStartedAt = now;
      return true;
    },
    succeeded(key) {
      const circuit = circuitOf(key);
      const wasOpen = circuit.openedAt !== undefined;
      circuit.failures = 0;
      circuit.openedAt = undefined;
      circuit.trialStartedAt = undefined;
      if (wasOpen) options.onChange?.(key, 'closed');
    },
    failed(key) {
      const circuit = circuitOf(key);
      circuit.failures += 1;
      const trialFailed = circuit.trialStartedAt !== undefined;
      circuit.trialStartedAt = undefined;
      if (
        trialFailed ||
        (circuit.openedAt === undefined && circuit.failures >= options.threshold)
      ) {
        circuit.openedAt = options.now();
        options.onChange?.(key, 'open');
      }
    },
    release(key) {
      circuitOf(key).trialStartedAt = undefined;
    },
    state: (key) => stateOf(circuitOf(key)),
  };
}
