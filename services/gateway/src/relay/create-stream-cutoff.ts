/**
 * Ends the streams still running when the shutdown grace is over, so each can tell its client
 * (and the ledger) that the server, not the client, ended it. A set of listeners rather than one
 * `AbortSignal`: thousands of concurrent streams would trip node's listener-leak warning.
 */
export interface StreamCutoff {
  /** Calls `listener` once if the cut comes while registered; the returned function unregisters. */
  onCut(listener: () => void): () => void;
  /** Ends every registered stream; streams registering later are cut at once. */
  cut(): void;
}

export function createStreamCutoff(): StreamCutoff {
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
