import { type CredentialConfig, decryptSecret, type EncryptionKeyring } from '@switchyard/config';
import type { Tables } from '@switchyard/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';

/** The enabled credentials stored through the admin API, by provider, and what identifies them. */
export interface StoredCredentials {
  byProvider: ReadonlyMap<string, CredentialConfig[]>;
  /** Changes whenever a credential is added, changed, disabled or removed. */
  fingerprint: string;
}

/**
 * Reads the upstream keys operators added through the catalog admin API (`catalog.credentials`,
 * AES-256-GCM sealed) and opens them with the keyring. A key that does not open is logged and
 * left out, never fatal: the provider keeps its other keys.
 */
export async function loadStoredCredentials(
  database: Kysely<Tables> | Promise<Kysely<Tables>>,
  keyring: EncryptionKeyring,
  logger: FastifyBaseLogger,
): Promise<StoredCredentials> {
  const db = await database;
  const rows = await db
    .selectFrom('catalog.credentials')
    .selectAll()
    .where('enabled', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byProvider = new Map<string, CredentialConfig[]>();
  for (const row of rows) {
    let key: string;
    try {
      key = decryptSecret(
        { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id },
        keyring,
        row.provider,
      );
    } catch (error: unknown) {
      logger.warn({ err: error, credentialId: row.id }, 'stored credential does not decrypt');
      continue;
    }
    const list = byProvider.get(row.provider) ?? [];
    list.push({
      id: `${row.provider}:stored:${row.id.slice(0, 8)}`,
      key,
      rpm: row.rpm ?? undefined,
      tpm: row.tpm ?? undefined,
      dailyRequests: row.daily_requests ?? undefined,
    });
    byProvider.set(row.provider, list);
  }
  const fingerprint = rows
    .map((row) => `${row.id}@${new Date(row.updated_at).getTime()}`)
    .join(',');
  return { byProvider, fingerprint };
}
