import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, DefaultedTimestamp, GeneratedId, NullableColumn } from './column-types.js';

/**
 * `catalog.credentials`: an upstream API key of a provider, sealed with AES-256-GCM
 * (`ciphertext`, 12-byte `iv`, 16-byte `auth_tag`) under the key `key_id` names. The plaintext
 * is never stored; `hint` (`sk-…abcd`) is what responses show.
 */
export interface CatalogCredentialsTable {
  id: GeneratedId;
  provider: string;
  name: string;
  ciphertext: Uint8Array;
  iv: Uint8Array;
  auth_tag: Uint8Array;
  key_id: string;
  hint: string;
  enabled: Defaulted<boolean>;
  rpm: NullableColumn<number>;
  tpm: NullableColumn<number>;
  daily_requests: NullableColumn<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** A credential row as read. */
export type CatalogCredential = Selectable<CatalogCredentialsTable>;
/** A credential row to insert. */
export type NewCatalogCredential = Insertable<CatalogCredentialsTable>;
/** Changes to a credential row. */
export type CatalogCredentialUpdate = Updateable<CatalogCredentialsTable>;
