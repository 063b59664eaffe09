/** The role of the key a person logged in with (the admin API's roles). */
export type ConsoleRole = 'admin' | 'team_admin' | 'member';

/**
 * Who is logged in: what `GET /v1/key` said about the pasted key, or, signed in through SSO,
 * the person (`keyId` is then `sso:<subject>`, `keyName` their name or email).
 */
export interface ConsoleIdentity {
  /** The key's id; `master` for the master key. */
  keyId: string;
  keyName: string;
  keyPrefix: string | null;
  role: ConsoleRole;
  team: { id: string; name: string } | null;
}

/** What an SSO session keeps: who, for the admin APIs' actor assertions, and how to log out. */
export interface SsoSession {
  /** The provider's `sub`. */
  subject: string;
  /** The verified ID token, kept server-side only, as `id_token_hint` at the provider's logout. */
  idToken: string;
}

/** One server-side session: the key stays here and never reaches browser JavaScript. */
export interface ConsoleSession {
  id: string;
  /** The Switchyard key the console forwards as `Authorization: Bearer`; null for SSO. */
  key: string | null;
  /** Set when the person signed in through the identity provider instead of with a key. */
  sso?: SsoSession;
  /** Required as `x-csrf-token` on every non-GET call. */
  csrfToken: string;
  identity: ConsoleIdentity;
  createdAt: number;
  lastSeenAt: number;
}
