import type { CredentialJson as Credential, ProviderJson as Provider } from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { useConsole } from '../app/console-context.js';
import { Field } from '../components/field.js';
import { ErrorNotice } from '../components/states.js';
import { toMessage } from '../components/use-api-data.js';

const positive = /^\d+$/;

/**
 * Add an upstream credential, or replace one's secret and limits. The secret is write-only: it
 * goes to the catalog encrypted and never comes back, so the field always starts empty.
 */
export function CredentialForm({
  providers,
  credential,
  onSaved,
  onCancel,
}: {
  providers: readonly Provider[];
  credential?: Credential;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { api } = useConsole();
  const [provider, setProvider] = useState(credential?.provider ?? providers[0]?.name ?? '');
  const [name, setName] = useState(credential?.name ?? '');
  const [secret, setSecret] = useState('');
  const [limits, setLimits] = useState({
    rpm: credential?.limits.rpm?.toString() ?? '',
    tpm: credential?.limits.tpm?.toString() ?? '',
    daily_requests: credential?.limits.daily_requests?.toString() ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (credential === undefined && provider === '') found.provider = 'Choose a provider.';
    if (name.trim() === '') found.name = 'Name the credential, e.g. "openai pool 1".';
    if (credential === undefined && secret.length < 8)
      found.secret = 'Paste the provider API key (8 characters or more).';
    if (credential !== undefined && secret !== '' && secret.length < 8)
      found.secret = 'At least 8 characters, or leave empty to keep the stored one.';
    const parsed: Record<string, number | null> = {};
    for (const [field, text] of Object.entries(limits)) {
      if (text.trim() === '') parsed[field] = null;
      else if (!positive.test(text.trim()) || Number(text) < 1)
        found[field] = 'A whole number from 1, or empty.';
      else parsed[field] = Number(text.trim());
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      if (credential === undefined) {
        await api.post('admin/credentials', {
          provider,
          name: name.trim(),
          secret,
          limits: parsed,
        });
      } else {
        await api.patch(`admin/credentials/${credential.id}`, {
          name: name.trim(),
          limits: parsed,
          ...(secret !== '' && { secret }),
        });
      }
      setSecret('');
      onSaved();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const limitField = (field: keyof typeof limits, label: string) => (
    <Field label={label} hint="empty: no limit" error={errors[field]}>
      <input
        inputMode="numeric"
        value={limits[field]}
        onInput={(event) =>
          setLimits({ ...limits, [field]: (event.currentTarget as HTMLInputElement).value })
        }
      />
    </Field>
  );
  return (
    <form class="card form" onSubmit={submit} noValidate aria-label="Credential">
      <h2>{credential ? `Edit ${credential.name}` : 'Add an upstream key'}</h2>
      <div class="form-row">
        {credential === undefined && (
          <Field label="Provider" error={errors.provider}>
            <select
              name="credential-provider"
              value={provider}
              onChange={(event) => setProvider((event.currentTarget as HTMLSelectElement).value)}
            >
              {providers.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Name" error={errors.name}>
          <input
            name="credential-name"
            value={name}
            onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
          />
        </Field>
        <Field
          label={credential ? 'New secret' : 'Secret'}
          hint={
            credential
              ? 'Empty: keep the stored secret. It is never shown again.'
              : 'Stored encrypted; never shown again.'
          }
          error={errors.secret}
        >
          <input
            name="credential-secret"
            type="password"
            autoComplete="off"
            value={secret}
            onInput={(event) => setSecret((event.currentTarget as HTMLInputElement).value)}
          />
        </Field>
      </div>
      <div class="form-row">
        {limitField('rpm', 'Requests per minute')}
        {limitField('tpm', 'Tokens per minute')}
        {limitField('daily_requests', 'Requests per day')}
      </div>
      {failure && <ErrorNotice message={failure} />}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {credential ? 'Save' : 'Add key'}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
