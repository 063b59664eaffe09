import type {
  KeyJson as ApiKey,
  KeyWithSecretJson as KeyWithSecret,
  KeyRole as Role,
  TeamJson as Team,
} from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { parseBudgetForm } from '../../src/shared/parse-budget-form.js';
import { parseAllowlist, parseLimitsForm } from '../../src/shared/parse-limits-form.js';
import { useConsole } from '../app/console-context.js';
import { BudgetFields, toBudgetForm } from '../components/budget-fields.js';
import { Field } from '../components/field.js';
import { LimitsFields, toLimitsForm } from '../components/limits-fields.js';
import { ErrorNotice } from '../components/states.js';
import { toMessage } from '../components/use-api-data.js';

/**
 * Create a key (its secret comes back once) or edit one's name, limits, allowlist, expiry and
 * request logging.
 * Team admins create keys in their own team only, and never admin keys.
 */
export function KeyForm({
  apiKey,
  teams,
  onCreated,
  onSaved,
  onCancel,
}: {
  apiKey?: ApiKey;
  teams: readonly Team[];
  onCreated?: (key: KeyWithSecret) => void;
  onSaved?: (key: ApiKey) => void;
  onCancel?: () => void;
}) {
  const { api, session } = useConsole();
  const [name, setName] = useState(apiKey?.name ?? '');
  const [teamId, setTeamId] = useState(apiKey?.team_id ?? session.team?.id ?? teams[0]?.id ?? '');
  const [role, setRole] = useState<Role>(apiKey?.role ?? 'member');
  const [limits, setLimits] = useState(
    toLimitsForm(apiKey?.limits ?? { rpm: null, tpm: null, max_concurrent: null }),
  );
  const [allowlist, setAllowlist] = useState(apiKey?.model_allowlist?.join('\n') ?? '');
  const [expires, setExpires] = useState(apiKey?.expires_at?.slice(0, 10) ?? '');
  const [budget, setBudget] = useState(toBudgetForm(apiKey?.budget));
  const [logBodies, setLogBodies] = useState(apiKey?.log_bodies ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const roles: Role[] =
    session.role === 'admin' ? ['member', 'team_admin', 'admin'] : ['member', 'team_admin'];

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsedLimits = parseLimitsForm(limits);
    const parsedAllowlist = parseAllowlist(allowlist);
    const parsedBudget = parseBudgetForm(budget.amount, budget.period);
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = 'Give the key a name, e.g. the service that uses it.';
    if (apiKey === undefined && teamId === '') found.team = 'Choose a team (create one first).';
    if (!parsedLimits.ok) Object.assign(found, parsedLimits.errors);
    if (!parsedAllowlist.ok) found.allowlist = parsedAllowlist.error;
    if (!parsedBudget.ok) found.budget = parsedBudget.error;
    const expiresAt = expires === '' ? null : new Date(`${expires}T23:59:59Z`);
    if (
      expiresAt !== null &&
      (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() < Date.now())
    ) {
      found.expires = 'Choose a day in the future, or leave empty for no expiry.';
    }
    setErrors(found);
    if (
      Object.keys(found).length > 0 ||
      !parsedLimits.ok ||
      !parsedAllowlist.ok ||
      !parsedBudget.ok
    ) {
      return;
    }
    const common = {
      name: name.trim(),
      limits: parsedLimits.limits,
      model_allowlist: parsedAllowlist.allowlist,
      // Sent only when there is one to set or clear, so an admin API without budgets still works.
      ...((parsedBudget.budget !== null || apiKey?.budget) && { budget: parsedBudget.budget }),
      expires_at: expiresAt?.toISOString() ?? null,
      // Sent only when on or changed, so an admin API without the request log still works.
      ...((logBodies || apiKey?.log_bodies) && { log_bodies: logBodies }),
    };
    setBusy(true);
    setFailure(undefined);
    try {
      if (apiKey === undefined) {
        const created = await api.post<KeyWithSecret>('admin/keys', {
          ...common,
          team_id: teamId,
          role,
        });
        setName('');
        onCreated?.(created);
      } else {
        onSaved?.(await api.patch<ApiKey>(`admin/keys/${apiKey.id}`, common));
      }
    } catch (error: unknown) {
      setFailure(toMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="card form"
      onSubmit={submit}
      noValidate
      aria-label={apiKey ? 'Edit key' : 'New key'}
    >
      <h2>{apiKey ? `Edit ${apiKey.name}` : 'New key'}</h2>
      <div class="form-row">
        <Field label="Name" error={errors.name}>
          <input
            name="key-name"
            value={name}
            onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
          />
        </Field>
        {apiKey === undefined && (
          <Field label="Team" error={errors.team}>
            <select
              name="key-team"
              value={teamId}
              disabled={session.role !== 'admin'}
              onChange={(event) => setTeamId((event.currentTarget as HTMLSelectElement).value)}
            >
              {teams.length === 0 && <option value="">No teams yet</option>}
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {apiKey === undefined && (
          <Field label="Role">
            <select
              name="key-role"
              value={role}
              onChange={(event) =>
                setRole((event.currentTarget as HTMLSelectElement).value as Role)
              }
            >
              {roles.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Expires" hint="Empty: never" error={errors.expires}>
          <input
            type="date"
            name="key-expires"
            value={expires}
            onInput={(event) => setExpires((event.currentTarget as HTMLInputElement).value)}
          />
        </Field>
      </div>
      <LimitsFields value={limits} errors={errors} onChange={setLimits} />
      <BudgetFields value={budget} error={errors.budget} onChange={setBudget} />
      <Field
        label="Model allowlist"
        hint="One per line: provider/model, provider/* or :free. Empty: every model the team allows."
        error={errors.allowlist}
      >
        <textarea
          name="key-allowlist"
          rows={2}
          value={allowlist}
          onInput={(event) => setAllowlist((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </Field>
      <label class="checkbox">
        <input
          type="checkbox"
          name="key-log-bodies"
          checked={logBodies}
          onChange={(event) => setLogBodies((event.currentTarget as HTMLInputElement).checked)}
        />
        Log request and response bodies (capped, credentials redacted) in the request log
      </label>
      {failure && <ErrorNotice message={failure} />}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {apiKey ? 'Save key' : 'Create key'}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
