/**
 * What ends one request's upstream work — its total deadline passing or its client leaving — in
 * the shape undici takes as a request's `signal` (`aborted`, `reason`, `addEventListener`,
 * `removeEventListener`), without being an `AbortSignal`. On Node 20 every `AbortSignal` gets a
 * hidden class of its own (it is made an `EventTarget` first and given its prototype after), so
 * every property read on one, by undici and by Node itself, misses its inline cache, and every one
 * allocates a map in the old generation: measured, eight such misses per request. A real
 * `AbortSignal` is made only for what needs one (`signal`): a signer's token fetch, a retry's
 * back-off.
 */
export class RequestDeadline {
  aborted = false;
  reason: unknown = undefined;
  private listeners: Array<() => void> = [];
  private controller: AbortController | undefined = undefined;

  /** Calls `listener` once, when the deadline aborts (undici's `{ once: true }` is implied). */
  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.listeners.indexOf(listener);
    if (index !== -1) this.listeners.splice(index, 1);
  }

  /** Ends the work: `aborted` is set, then every listener and the real signal, if made, hear it. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = [];
    this.controller?.abort(reason);
    for (const listener of listeners) listener();
  }

  /** An `AbortSignal` that aborts with this deadline, for APIs that require one; made once. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }
}
