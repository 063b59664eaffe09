import type { TeamJson as Team } from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { parseBudgetForm } from '../../src/shared/parse-budget-form.js';
import { parseAllowlist, parseLimitsForm } from '../../src/shared/parse-limits-form.js';
import { useConsole } from '../app/console-context.js';
import { BudgetFields, toBudgetForm } from '../components/budget-fields.js';
import { Field } from '../components/field.js';
import { LimitsFields, toLimitsForm } from '../components/limits-fields.js';
import { ErrorNotice } from '../components/states.js';
import { toMessage } from '../components/use-api-data.js';

/** Create a team, or edit one's name, limits and model allowlist (admins only). */
export function TeamForm({
  team,
  onSaved,
  onCancel,
}: {
  team?: Team;
  onSaved: (team: Team) => void;
  onCancel?: () => void;
}) {
  const { api } = useConsole();
  const [name, setName] = useState(team?.name ?? '');
  const [limits, setLimits] = useState(
    toLimitsForm(team?.limits ?? { rpm: null, tpm: null, max_concurrent: null }),
  );
  const [allowlist, setAllowlist] = useState(team?.model_allowlist?.join('\n') ?? '');
  const [budget, setBudget] = useState(toBudgetForm(team?.budget));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const parsedLimits = parseLimitsForm(limits);
    const parsedAllowlist = parseAllowlist(allowlist);
    const parsedBudget = parseBudgetForm(budget.amount, budget.period);
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = 'Give the team a name.';
    if (!parsedLimits.ok) Object.assign(found, parsedLimits.errors);
    if (!parsedAllowlist.ok) found.allowlist = parsedAllowlist.error;
    if (!parsedBudget.ok) found.budget = parsedBudget.error;
    setErrors(found);
    if (
      Object.keys(found).length > 0 ||
      !parsedLimits.ok ||
      !parsedAllowlist.ok ||
      !parsedBudget.ok
    ) {
      return;
    }
    const body = {
      name: name.trim(),
      limits: parsedLimits.limits,
      model_allowlist: parsedAllowlist.allowlist,
      // Sent only when there is one to set or clear, so an admin API without budgets still works.
      ...((parsedBudget.budget !== null || team?.budget) && { budget: parsedBudget.budget }),
    };
    setBusy(true);
    setFailure(undefined);
    try {
      const saved =
        team === undefined
          ? await api.post<Team>('admin/teams', body)
          : await api.patch<Team>(`admin/teams/${team.id}`, body);
      onSaved(saved);
      if (team === undefined) {
        setName('');
        setAllowlist('');
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
      aria-label={team ? 'Edit team' : 'New team'}
    >
      <h2>{team ? `Edit ${team.name}` : 'New team'}</h2>
      <Field label="Name" error={errors.name}>
        <input
          name="team-name"
          value={name}
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        />
      </Field>
      <LimitsFields value={limits} errors={errors} onChange={setLimits} />
      <BudgetFields value={budget} error={errors.budget} onChange={setBudget} />
      <Field
        label="Model allowlist"
        hint="One per line: provider/model, provider/* or :free. Empty: every model."
        error={errors.allowlist}
      >
        <textarea
          name="team-allowlist"
          rows={2}
          value={allowlist}
          onInput={(event) => setAllowlist((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </Field>
      {failure && <ErrorNotice message={failure} />}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {team ? 'Save team' : 'Create team'}
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
