import type { KeyRole as Role } from '@switchyard/contracts';
import { AuditPage } from '../pages/audit-page.js';
import { KeysPage } from '../pages/keys-page.js';
import { ModelsPage } from '../pages/models-page.js';
import { OverviewPage } from '../pages/overview-page.js';
import { ProvidersPage } from '../pages/providers-page.js';
import { RequestDetailPage } from '../pages/request-detail-page.js';
import { RequestsPage } from '../pages/requests-page.js';
import { useConsole } from './console-context.js';
import { useHashRoute } from './use-hash-route.js';

interface NavItem {
  path: string;
  label: string;
  roles: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { path: 'overview', label: 'Overview', roles: ['admin', 'team_admin', 'member'] },
  { path: 'requests', label: 'Requests', roles: ['admin', 'team_admin', 'member'] },
  { path: 'keys', label: 'Keys & teams', roles: ['admin', 'team_admin'] },
  { path: 'models', label: 'Models', roles: ['admin', 'team_admin'] },
  { path: 'providers', label: 'Providers', roles: ['admin'] },
  { path: 'audit', label: 'Audit', roles: ['admin', 'team_admin'] },
];

const ROLE_NAMES: Record<Role, string> = {
  admin: 'Admin',
  team_admin: 'Team admin',
  member: 'Member',
};

/** The logged-in frame: navigation for what the role may see, who is logged in, the page. */
export function Layout({ onLogout }: { onLogout: () => void }) {
  const { session } = useConsole();
  const route = useHashRoute();
  const items = NAV.filter((item) => item.roles.includes(session.role));
  const [first = 'overview', second] = route.segments;
  const current = items.some((item) => item.path === first) ? first : 'overview';
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="#/overview">
          Switchyard
        </a>
        <nav class="nav" aria-label="Console">
          {items.map((item) => (
            <a
              key={item.path}
              href={`#/${item.path}`}
              class={item.path === current ? 'nav-link active' : 'nav-link'}
              aria-current={item.path === current ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <div class="who">
          <span class="who-name" data-testid="who">
            {session.key.name} · {ROLE_NAMES[session.role]}
            {session.team && ` · ${session.team.name}`}
          </span>
          <button type="button" class="secondary" onClick={onLogout}>
            Log out
          </button>
        </div>
      </header>
      <main class="content">
        {current === 'overview' && <OverviewPage />}
        {current === 'requests' && second === undefined && <RequestsPage query={route.query} />}
        {current === 'requests' && second !== undefined && <RequestDetailPage requestId={second} />}
        {current === 'keys' && <KeysPage />}
        {current === 'models' && <ModelsPage />}
        {current === 'providers' && <ProvidersPage />}
        {current === 'audit' && <AuditPage query={route.query} />}
      </main>
    </div>
  );
}
