/** How the measured servers started, and what they hold when idle. */
export interface StartupReadings {
  /** Standalone: its banner → the first chat completion answered, ms. */
  readonly standaloneFirstRequestMs: number | undefined;
  /** Standalone: its banner → its `/readyz` passes (embedded database migrated), ms. */
  readonly standaloneReadyMs: number | undefined;
  /**
   * Standalone: the longest event-loop delay from its banner until its first chat completion was
   * answered (`/metrics`), ms: that request's own cost (code compiled on first use) and the
   * database's migrations, which run meanwhile.
   */
  readonly standaloneFirstRequestEventLoopMaxMs: number | undefined;
  /**
   * Standalone: the longest event-loop delay from its first answer until its embedded database
   * was migrated and a second had passed (`/metrics`), ms.
   */
  readonly standaloneStartEventLoopMaxMs: number | undefined;
  /** The distributed gateway: process spawned → first 200 from `/readyz`, ms. */
  readonly gatewayReadyMs: number | undefined;
  /** The floor proxy: process spawned → listening, ms. */
  readonly floorListeningMs: number | undefined;
  /** Each server's resident memory once started and probed, before any load, by target. */
  readonly idleRssBytes: Readonly<Record<string, number | undefined>>;
}
