/** A lock: PGlite is one session, so one kysely connection (and its transaction) holds it at a time. */
export class ConnectionMutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  /** Resolves once the caller holds the lock. */
  async lock(): Promise<void> {
    while (this.#held !== undefined) {
      await this.#held;
    }
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  /** Releases the lock, letting the next waiter in. */
  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}
