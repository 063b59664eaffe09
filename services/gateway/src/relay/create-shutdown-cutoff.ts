/**
 * Tells the requests still running when the shutdown grace is over that the server is ending
 * them: a stream sends its client a last event, and the ledger records the server's doing, not a
 * client that left. A set of listeners rather than one `AbortSignal`: thousands of concurrent
 * requests would trip node's listener-leak warning.
 */
export interface ShutdownCutoff {
  /** Calls `listener` once if the cut comes while registered; the returned function unregisters. */
  onCut(listener: () => void): () => void;
  /** Tells every registered request; requests registering later are told at once. */
  cut(): void;
}

export function createShutdownCutoff(): ShutdownCutoff {
  const listeners = new Set<() => void>();
  let cut = false;
  return {
    onCut(listener) {
      if (cut) {
        listener();
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cut() {
      cut = true;
      const current = [...listeners];
      listeners.clear();
      for (const listener of current) listener();
    },
  };
}
