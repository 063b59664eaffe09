import type {
  KeyJson as ApiKey,
  KeyWithSecretJson as KeyWithSecret,
  Page,
  TeamJson as Team,
} from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { useConsole } from '../app/console-context.js';
import { describeBudget } from '../components/budget-fields.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CursorPager } from '../components/cursor-pager.js';
import { Field } from '../components/field.js';
import { formatCount, formatTime, toQuery } from '../components/format.js';
import { SecretReveal } from '../components/secret-reveal.js';
import { Empty, ErrorNotice, Loaded } from '../components/states.js';
import { toMessage, useApiData } from '../components/use-api-data.js';
import { KeyForm } from './key-form.js';
import { TeamsPanel } from './teams-panel.js';

/** Teams and keys: create (secret shown once), edit limits and allowlists, revoke, rotate. */
export function KeysPage() {
  const { api, session } = useConsole();
  const [teamCursors, setTeamCursors] = useState<string[]>([]);
  const teamsQuery = toQuery({ limit: 100, cursor: teamCursors.at(-1) });
  const teams = useApiData<Page<Team>>(
    () =>
      session.role === 'admin'
        ? api.get<Page<Team>>(`admin/teams${teamsQuery}`)
        : session.team === null
          ? Promise.resolve({ object: 'list' as const, data: [], next_cursor: null })
          : api
              .get<Team>(`admin/teams/${session.team.id}`)
              .then((team) => ({ object: 'list' as const, data: [team], next_cursor: null })),
    `teams${teamsQuery}`,
  );
  return (
    <section>
      <div class="page-head">
        <h1>Keys &amp; teams</h1>
      </div>
      <Loaded {...teams}>
        {(page) => (
          <>
            <TeamsPanel teams={page.data} onChanged={teams.reload} />
            {(page.next_cursor !== null || teamCursors.length > 0) && (
              <CursorPager
                cursors={teamCursors}
                nextCursor={page.next_cursor}
                onChange={setTeamCursors}
              />
            )}
            <KeysPanel teams={page.data} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function KeysPanel({ teams }: { teams: readonly Team[] }) {
  const { api, session } = useConsole();
  const [teamFilter, setTeamFilter] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const query = toQuery({ limit: 50, team_id: teamFilter, cursor: cursors.at(-1) });
  const keys = useApiData(() => api.get<Page<ApiKey>>(`admin/keys${query}`), query);
  const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? id;
  const act = async (key: ApiKey, action: 'revoke' | 'rotate') => {
    setFailure(undefined);
    try {
      const result = await api.post<KeyWithSecret>(`admin/keys/${key.id}/${action}`, {});
      if (action === 'rotate') setSecret({ name: key.name, secret: result.secret });
      keys.reload();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    }
  };
  return (
    <section class="panel">
      <div class="page-head">
        <h2>Keys</h2>
        {!creating && (
          <button type="button" onClick={() => setCreating(true)} disabled={teams.length === 0}>
            New key
          </button>
        )}
      </div>
      {secret && (
        <div>
          <p>
            Key <strong>{secret.name}</strong>:
          </p>
          <SecretReveal secret={secret.secret} onDone={() => setSecret(null)} />
        </div>
      )}
      {creating && (
        <KeyForm
          teams={teams}
          onCreated={(created: KeyWithSecret) => {
            setCreating(false);
            setSecret({ name: created.name, secret: created.secret });
            keys.reload();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {session.role === 'admin' && teams.length > 0 && (
        <Field label="Team">
          <select
            name="keys-team-filter"
            value={teamFilter}
            onChange={(event) => {
              setCursors([]);
              setTeamFilter((event.currentTarget as HTMLSelectElement).value);
            }}
          >
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {failure && <ErrorNotice message={failure} />}
      <Loaded {...keys}>
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No keys yet. Create one for each service or person that calls Switchyard.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table keys-table">
                  <thead>
                    <tr>
                      <th>Key</th>
                      <th>Team</th>
                      <th>Role</th>
                      <th>Limits</th>
                      <th>Status</th>
                      <th>Last used</th>
                      <th>Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((key) =>
                      editing === key.id ? (
                        <tr key={key.id}>
                          <td colSpan={7}>
                            <KeyForm
                              apiKey={key}
                              teams={teams}
                              onSaved={() => {
                                setEditing(null);
                                keys.reload();
                              }}
                              onCancel={() => setEditing(null)}
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={key.id} data-key-name={key.name}>
                          <td>
                            <strong>{key.name}</strong>
                            <div class="mono muted small">{key.key_prefix}…</div>
                          </td>
                          <td>{teamName(key.team_id)}</td>
                          <td>{key.role}</td>
                          <td class="small">
                            {formatCount(key.limits.rpm)} rpm · {formatCount(key.limits.tpm)} tpm ·{' '}
                            {formatCount(key.limits.max_concurrent)} at once
                            {key.budget && <div>budget: {describeBudget(key.budget)}</div>}
                            {key.model_allowlist && (
                              <div>models: {key.model_allowlist.join(', ')}</div>
                            )}
                          </td>
                          <td>
                            <KeyStatus apiKey={key} />
                          </td>
                          <td>{formatTime(key.last_used_at)}</td>
                          <td>
                            <div class="row-actions">
                              {key.revoked_at === null && (
                                <>
                                  <button
                                    type="button"
                                    class="secondary"
                                    onClick={() => setEditing(key.id)}
                                  >
                                    Edit
                                  </button>
                                  <ConfirmButton
                                    label="Rotate"
                                    confirmLabel="Rotate now"
                                    onConfirm={() => void act(key, 'rotate')}
                                  />
                                  <ConfirmButton
                                    label="Revoke"
                                    confirmLabel="Revoke key"
                                    onConfirm={() => void act(key, 'revoke')}
                                  />
                                </>
                              )}
                            </div>
                          </td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
              <CursorPager cursors={cursors} nextCursor={page.next_cursor} onChange={setCursors} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function KeyStatus({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.revoked_at !== null) return <span class="badge badge-bad">revoked</span>;
  if (apiKey.expires_at !== null && Date.parse(apiKey.expires_at) < Date.now()) {
    return <span class="badge badge-warn">expired</span>;
  }
  return <span class="badge badge-ok">active</span>;
}
