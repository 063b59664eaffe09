import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { AuthOptions, SessionInfo } from '../api/session-types.js';
import { Field } from '../components/field.js';
import { ErrorNotice } from '../components/states.js';
import { toMessage } from '../components/use-api-data.js';

/** Log in by pasting a Switchyard key; the console server keeps it, the page never does. */
export function LoginPage({
  api,
  onLogin,
}: {
  api: ApiClient;
  onLogin: (session: SessionInfo) => void;
}) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [ssoUrl, setSsoUrl] = useState<string | null>(null);
  useEffect(() => {
    api.get<AuthOptions>('auth').then(
      (options) => setSsoUrl(options.sso?.login_url ?? null),
      () => setSsoUrl(null),
    );
  }, [api]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (key.trim() === '') {
      setError('Paste your Switchyard key (it starts with sk-).');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const session = await api.post<SessionInfo>('session', { key: key.trim() });
      setKey('');
      onLogin(session);
    } catch (failure: unknown) {
      setError(toMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form class="card login-card" onSubmit={submit} noValidate>
        <h1>Switchyard console</h1>
        {ssoUrl !== null && (
          <p>
            <a class="button" href={ssoUrl}>
              Sign in with SSO
            </a>
          </p>
        )}
        <p class="muted">
          Log in with your Switchyard key. Admins see everything, team admins their team, and
          members their own key's requests and spend.
        </p>
        <Field label="API key">
          <input
            name="key"
            type="password"
            autoComplete="off"
            placeholder="sk-sy-…"
            value={key}
            onInput={(event) => setKey((event.currentTarget as HTMLInputElement).value)}
          />
        </Field>
        {error && <ErrorNotice message={error} />}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
