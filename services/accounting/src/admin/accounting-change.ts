/** A change to a key or team, told to `onChange` so gateways can evict what they cached. */
export interface AccountingChange {
  kind: 'key' | 'team';
  id: string;
  /** The hex HMAC of the key's secret as gateways cached it (the old one after a rotation). */
  keyHash?: string;
}

/** Called after every committed mutation of a key or team. */
export type OnAccountingChange = (change: AccountingChange) => void | Promise<void>;
