import type { TeamJson as Team } from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { useConsole } from '../app/console-context.js';
import { describeBudget } from '../components/budget-fields.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatCount } from '../components/format.js';
import { Empty, ErrorNotice } from '../components/states.js';
import { toMessage } from '../components/use-api-data.js';
import { TeamForm } from './team-form.js';

/** The teams table with create, edit and delete (admins); team admins see their own team. */
export function TeamsPanel({
  teams,
  onChanged,
}: {
  teams: readonly Team[];
  onChanged: () => void;
}) {
  const { api, session } = useConsole();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const isAdmin = session.role === 'admin';
  const remove = async (team: Team) => {
    setFailure(undefined);
    try {
      await api.delete(`admin/teams/${team.id}`);
      onChanged();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    }
  };
  return (
    <section class="panel">
      <div class="page-head">
        <h2>Teams</h2>
        {isAdmin && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New team
          </button>
        )}
      </div>
      {creating && (
        <TeamForm
          onSaved={() => {
            setCreating(false);
            onChanged();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {failure && <ErrorNotice message={failure} />}
      {teams.length === 0 ? (
        <Empty>No teams yet. Create one, then give it keys.</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>Team</th>
                <th class="num">RPM</th>
                <th class="num">TPM</th>
                <th class="num">Concurrent</th>
                <th>Budget</th>
                <th>Models</th>
                {isAdmin && <th>Actions</th>}
              </tr>
            </thead>
            <tbody>
              {teams.map((team) =>
                editing === team.id ? (
                  <tr key={team.id}>
                    <td colSpan={7}>
                      <TeamForm
                        team={team}
                        onSaved={() => {
                          setEditing(null);
                          onChanged();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={team.id}>
                    <td>
                      <strong>{team.name}</strong>
                      <div class="mono muted small">{team.id}</div>
                    </td>
                    <td class="num">{formatCount(team.limits.rpm)}</td>
                    <td class="num">{formatCount(team.limits.tpm)}</td>
                    <td class="num">{formatCount(team.limits.max_concurrent)}</td>
                    <td>{describeBudget(team.budget)}</td>
                    <td>{team.model_allowlist?.join(', ') ?? 'all'}</td>
                    {isAdmin && (
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="secondary"
                            onClick={() => setEditing(team.id)}
                          >
                            Edit
                          </button>
                          <ConfirmButton
                            label="Delete"
                            confirmLabel="Delete team"
                            onConfirm={() => void remove(team)}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
