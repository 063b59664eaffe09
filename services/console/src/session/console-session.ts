/** The role of the key a person logged in with (the admin API's roles). */
export type ConsoleRole = 'admin' | 'team_admin' | 'member';

/** Who is logged in: what `GET /v1/key` said about the pasted key. */
export interface ConsoleIdentity {
  /** The key's id; `master` for the master key. */
  keyId: string;
  keyName: string;
  keyPrefix: string | null;
  role: ConsoleRole;
  team: { id: string; name: string } | null;
}

/** One server-side session: the key stays here and never reaches browser JavaScript. */
export interface ConsoleSession {
  id: string;
  /** The Switchyard key the console forwards as `Authorization: Bearer`. */
  key: string;
  /** Required as `x-csrf-token` on every non-GET call. */
  csrfToken: string;
  identity: ConsoleIdentity;
  createdAt: number;
  lastSeenAt: number;
}
