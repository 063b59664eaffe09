/** Who sends a case: a key of the fixtures, a wrong key, or nobody. */
export type Caller = 'admin' | 'team_admin' | 'member' | 'invalid' | 'none';

/** What the corpus creates before it runs: a team, keys of every role, things to patch. */
export interface CorpusFixtures {
  origin: string;
  /** The secret each caller sends (none for `none`). */
  secrets: Readonly<Record<Caller, string | undefined>>;
  teamId: string;
  memberKeyId: string;
  /** A team and a key the PATCH cases aim at, so an accepted bad value harms no other case. */
  patchTeamId: string;
  patchKeyId: string;
  /** A team with no keys, which a DELETE that wrongly succeeds may take. */
  deleteTeamId: string;
  /** Keys the revoke and rotate cases may use up. */
  revokeKeyId: string;
  rotateKeyId: string;
  /** A disabled provider of the corpus's own, and an upstream credential of it. */
  providerName: string;
  credentialId: string;
}

/** Creates the fixtures through the admin API with the master key. */
export async function createCorpusFixtures(
  origin: string,
  masterKey: string,
): Promise<CorpusFixtures> {
  const post = async (
    path: string,
    body: unknown,
  ): Promise<{ id: string; name?: string; secret?: string }> => {
    const response = await fetch(`${origin}/admin/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as { id: string; name?: string; secret?: string };
  };
  const team = await post('/teams', { name: 'corpus' });
  const patchTeam = await post('/teams', { name: 'corpus-patch' });
  const deleteTeam = await post('/teams', { name: 'corpus-delete' });
  const key = (name: string, role: string) => post('/keys', { name, team_id: team.id, role });
  const member = await key('corpus-member', 'member');
  const admin = await key('corpus-admin', 'admin');
  const teamAdmin = await key('corpus-team-admin', 'team_admin');
  const patchKey = await key('corpus-patch', 'member');
  const revokeKey = await key('corpus-revoke', 'member');
  const rotateKey = await key('corpus-rotate', 'member');
  // Its own provider, disabled and unreachable: no case's upstream call can land on it.
  await post('/providers', {
    name: 'corpus',
    type: 'openai-compatible',
    base_url: 'http://127.0.0.1:1/v1',
    enabled: false,
  });
  const credential = await post('/credentials', {
    provider: 'corpus',
    name: 'corpus',
    secret: 'sk-corpus-0123456789',
  });
  return {
    origin,
    secrets: {
      admin: admin.secret,
      team_admin: teamAdmin.secret,
      member: member.secret,
      invalid: 'sk-sy-not-a-key-of-this-gateway',
      none: undefined,
    },
    teamId: team.id,
    memberKeyId: member.id,
    patchTeamId: patchTeam.id,
    patchKeyId: patchKey.id,
    deleteTeamId: deleteTeam.id,
    revokeKeyId: revokeKey.id,
    rotateKeyId: rotateKey.id,
    providerName: 'corpus',
    credentialId: credential.id,
  };
}
