import { delay } from '../delay.js';

/**
 * Whether the NATS connection is up right now, as its status events say, so publishes can
 * fail fast while it is down instead of waiting out their timeout.
 */
export class ConnectionState {
  private up = true;
  private downSince: number | undefined;
  private readonly downListeners = new Set<() => void>();
  private readonly upListeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get connected(): boolean {
    return this.up;
  }

  /** How long the connection has been down (0 while up). */
  outageMs(): number {
    return this.downSince === undefined ? 0 : this.now() - this.downSince;
  }

  markDown(): void {
    if (!this.up) return;
    this.up = false;
    this.downSince = this.now();
    for (const listener of [...this.downListeners]) listener();
  }

  markUp(): void {
    this.up = true;
    this.downSince = undefined;
    for (const listener of [...this.upListeners]) listener();
  }

  /** Calls `listener` when the connection next goes down; returns the unsubscribe. */
  onDown(listener: () => void): () => void {
    this.downListeners.add(listener);
    return () => this.downListeners.delete(listener);
  }

  /** Resolves when the connection is up again, after `ms`, or on abort, whichever is first. */
  async waitUntilUp(ms: number, signal: AbortSignal): Promise<void> {
    if (this.up) return;
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    this.upListeners.add(stop);
    signal.addEventListener('abort', stop, { once: true });
    try {
      await delay(ms, controller.signal);
    } finally {
      this.upListeners.delete(stop);
      signal.removeEventListener('abort', stop);
    }
  }
}
