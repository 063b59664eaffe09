import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { LogoutInfo, SessionInfo } from '../api/session-types.js';
import { Loading } from '../components/states.js';
import { LoginPage } from '../pages/login-page.js';
import { ConsoleContext } from './console-context.js';
import { Layout } from './layout.js';

/** The console: the login page until a session exists, then the layout with its pages. */
export function App({ api }: { api: ApiClient }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  useEffect(() => {
    api.onUnauthorized(() => {
      api.setCsrfToken(null);
      setSession(null);
    });
    api.get<SessionInfo>('session').then(
      (current) => {
        api.setCsrfToken(current.csrf_token);
        setSession(current);
      },
      () => setSession(null),
    );
  }, [api]);
  if (session === undefined) return <Loading what="Opening the console" />;
  if (session === null) {
    return (
      <LoginPage
        api={api}
        onLogin={(created) => {
          api.setCsrfToken(created.csrf_token);
          setSession(created);
        }}
      />
    );
  }
  const logout = () => {
    void api
      .delete<LogoutInfo>('session')
      .then(
        (done) => done.logout_url,
        () => null,
      )
      .then((logoutUrl) => {
        api.setCsrfToken(null);
        // An SSO session ends at the identity provider too, which sends the browser back.
        if (logoutUrl !== null) {
          window.location.assign(logoutUrl);
          return;
        }
        setSession(null);
        window.location.hash = '';
      });
  };
  return (
    <ConsoleContext.Provider value={{ api, session }}>
      <Layout onLogout={logout} />
    </ConsoleContext.Provider>
  );
}
