/** The current value of a key; `value` is undefined when the key was deleted. */
export interface KeyValueEntry {
  key: string;
  value: Uint8Array | undefined;
  /** Increases with every change in the bucket. */
  revision: number;
}

/** A running watch; stop it to receive nothing more. */
export interface KeyValueWatch {
  stop(): void;
}

/** A bucket of keys (`[-/_=.a-zA-Z0-9]+`), e.g. the catalog snapshot gateways reload from. */
export interface KeyValueStore {
  /** The current entry, or undefined when the key is absent or deleted. */
  get(key: string): Promise<KeyValueEntry | undefined>;
  /** Stores a value and returns its revision. */
  put(key: string, value: Uint8Array): Promise<number>;
  delete(key: string): Promise<void>;
  /**
   * Calls `handler` with the key's current value (if any) and then with its changes in order;
   * a quick burst may be coalesced, but the latest value always arrives. `key` may use NATS
   * wildcards. Resolves once watching, so a later put is seen.
   */
  watch(key: string, handler: (entry: KeyValueEntry) => void): Promise<KeyValueWatch>;
}
