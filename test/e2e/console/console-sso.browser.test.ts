import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  createFreshPostgresDatabase,
  type FreshPostgresDatabase,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../support/start-oidc-provider.js';
import { type RunningService, startService } from '../support/start-service.js';

// Console SSO against a real OpenID Connect provider (oidc-provider) on loopback: people sign in
// in Chromium through its login and consent pages, land with the role their groups map to, see
// what that role allows, and log out at the provider. Accounting and the catalog are their own
// processes and take the console's signed actor assertions; a spoiled ID token or assertion gets
// nobody in.
const CHROMIUM = '/usr/bin/chromium';
const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const ACTOR_SECRET = randomBytes(32).toString('hex');
const SEARCH = `search-${randomBytes(3).toString('hex')}`;
const ADS = `ads-${randomBytes(3).toString('hex')}`;

let fresh: FreshPostgresDatabase;
let provider: TestOidcProvider;
let services: RunningService[] = [];
let accounting: RunningService;
let catalog: RunningService;
let consoleService: RunningService;
let browser: Browser;
const teams = { search: '', ads: '' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`,
    );
  }
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  accounting = await startService('accounting', {
    DATABASE_URL: fresh.url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_CONSOLE_ACTOR_SECRET: ACTOR_SECRET,
  });
  services.push(accounting);
  catalog = await startService('catalog', {
    // libs/config's shared settings read PORT too, and refuse 0.
    PORT: String(await freePort()),
    DATABASE_URL: fresh.url,
    REDIS_URL: (await useRedis()).url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_NATS_NAMESPACE: `sso-${randomBytes(4).toString('hex')}`,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SWITCHYARD_CATALOG_OPENROUTER_URL: 'off',
    SWITCHYARD_CONSOLE_ACTOR_SECRET: ACTOR_SECRET,
  });
  services.push(catalog);
  teams.search = await createTeam(SEARCH);
  teams.ads = await createTeam(ADS);
  await createKey('search-app', teams.search);
  await createKey('ads-app', teams.ads);
  // The provider must know the console's callback before the console (which needs the provider's
  // issuer) starts, so the console's port is chosen first.
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}/console`;
  provider = await startOidcProvider({
    accounts: [
      { login: 'alice', groups: ['staff', 'ml-platform'] },
      { login: 'bob', groups: ['staff', 'team-search'] },
      { login: 'carol', groups: ['staff', 'sales'] },
    ],
    redirectUri: `${consoleUrl}/auth/sso/callback`,
    postLogoutRedirectUri: `${consoleUrl}/`,
  });
  consoleService = await startService('console', {
    PORT: String(port),
    SWITCHYARD_ADMIN_URL: accounting.origin,
    SWITCHYARD_CATALOG_URL: catalog.origin,
    // Never called for SSO sessions (they take no gateway routes); required by the config.
    SWITCHYARD_GATEWAY_URL: 'http://127.0.0.1:9',
    SWITCHYARD_SSO_ISSUER: provider.issuer,
    SWITCHYARD_SSO_CLIENT_ID: provider.clientId,
    SWITCHYARD_SSO_CLIENT_SECRET: provider.clientSecret,
    SWITCHYARD_SSO_REDIRECT_URL: `${consoleUrl}/auth/sso/callback`,
    SWITCHYARD_SSO_SCOPES: 'openid email groups',
    SWITCHYARD_SSO_ROLE_MAPPINGS: JSON.stringify([
      { group: 'ml-platform', role: 'admin' },
      // By name: the console finds the team's id at sign-in.
      { group: 'team-search', role: 'team_admin', team: SEARCH },
    ]),
    SWITCHYARD_CONSOLE_ACTOR_SECRET: ACTOR_SECRET,
  });
  services.push(consoleService);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(services.map((service) => service.stop()));
  services = [];
  await provider?.close();
  await fresh?.drop();
});

async function admin(path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${accounting.origin}/admin/v1/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
}

const createTeam = async (name: string) => (await admin('teams', { name })).id;
const createKey = (name: string, teamId: string) =>
  admin('keys', { name, team_id: teamId, role: 'member' });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A fresh browser profile (no provider or console cookies), with no calls to the internet. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  // The provider's development pages import a web font; there is no internet here.
  await context.route(/^https:\/\//, (route) => route.abort());
  return context;
}

/** From the console's login page through the provider's login (and consent) back to the console. */
async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${consoleService.origin}/console/`);
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL(
    (url) => url.origin === consoleService.origin || url.pathname.includes('interaction'),
  );
  if (new URL(page.url()).origin !== consoleService.origin) {
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL((url) => url.origin === consoleService.origin);
}

/** The console's own session endpoint as this browser sees it. */
const sessionStatus = (page: Page) =>
  page.evaluate(async () => (await fetch('/console/api/session')).status);

describe('console SSO', () => {
  it('signs an ml-platform member in as admin, who sees every team, and logs out at the provider', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'alice');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const who = await page.getByTestId('who').textContent();
    expect(who).toContain('alice@example.test');
    expect(who).toContain('Admin');
    await page.getByRole('link', { name: 'Keys & teams' }).click();
    await page.getByRole('cell', { name: SEARCH }).first().waitFor();
    await page.getByRole('cell', { name: ADS }).first().waitFor();
    await page.locator('tr[data-key-name="search-app"]').waitFor();
    await page.locator('tr[data-key-name="ads-app"]').waitFor();
    // The catalog's admin API takes the same assertions: an SSO admin manages providers.
    await page.getByRole('link', { name: 'Providers' }).click();
    await page.getByRole('heading', { name: 'Providers' }).first().waitFor();
    await expect.poll(() => page.locator('.state-loading').count(), { timeout: 10_000 }).toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(
      /invalid_actor_assertion|could not|error/i,
    );
    const providers = await page.evaluate(async () => {
      const response = await fetch('/console/api/admin/providers');
      return { status: response.status, body: await response.text() };
    });
    expect(providers.status, providers.body).toBe(200);
    expect(JSON.parse(providers.body)).toMatchObject({ object: 'list' });

    // A session cookie altered by one character is no session.
    // (The provider's own cookies share the loopback host; only the console's is wanted.)
    const cookie = (await context.cookies(`${consoleService.origin}/console/`)).find(
      (candidate) => candidate.name === 'sy_console_session',
    );
    expect(cookie?.path).toBe('/console');
    expect(cookie?.httpOnly).toBe(true);
    const value = cookie?.value ?? '';
    const altered = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    const forged = await fetch(`${consoleService.origin}/console/api/session`, {
      headers: { cookie: `sy_console_session=${altered}` },
    });
    expect(forged.status).toBe(401);

    await page.getByRole('button', { name: 'Log out' }).click();
    // The provider's end-session page asks, then sends the browser back to the console.
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${consoleService.origin}/console/`);
    await page.getByRole('link', { name: 'Sign in with SSO' }).waitFor();
    expect(await sessionStatus(page)).toBe(401);
    // Signed out at the provider too: signing in again asks for the password again.
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    await page.locator('input[name="password"]').waitFor();
    await context.close();
  });

  it('signs a team-search member in as team_admin of that team only', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'bob');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const who = await page.getByTestId('who').textContent();
    expect(who).toContain('bob@example.test');
    expect(who).toContain('Team admin');
    expect(who).toContain(SEARCH);
    await page.getByRole('link', { name: 'Keys & teams' }).click();
    await page.locator('tr[data-key-name="search-app"]').waitFor();
    await expect(page.locator('tr[data-key-name="ads-app"]').count()).resolves.toBe(0);
    await expect(page.getByRole('cell', { name: ADS }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Providers' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'New team' }).count()).resolves.toBe(0);
    // Asking the admin API for the other team through the console is refused by accounting.
    const other = await page.evaluate(
      async (adsTeam) => (await fetch(`/console/api/admin/keys?team_id=${adsTeam}`)).status,
      teams.ads,
    );
    expect(other).toBe(403);
    await context.close();
  });

  it('refuses a person in no mapped group with a page that says why, and no session', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'carol');
    await page.getByRole('heading', { name: 'No console role for this account' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('carol@example.test');
    expect(await sessionStatus(page)).toBe(401);
    await context.close();
  });

  it.each([
    ['tampered', 'groups rewritten to ml-platform, signature kept', /SIGNATURE/i],
    ['expired', 'validly signed, expired an hour ago', /expiration/i],
  ] as const)('refuses a %s ID token (%s)', async (mode, _how, reason) => {
    const context = await newContext();
    const page = await context.newPage();
    const logBefore = consoleService.output().length;
    provider.setIdTokenMode(mode);
    try {
      await signIn(page, 'bob');
    } finally {
      provider.setIdTokenMode('genuine');
    }
    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    expect(await sessionStatus(page)).toBe(401);
    // The console logs in batches (flushed within 250 ms): wait for the line to be written.
    const refusalLine = () =>
      consoleService
        .output()
        .slice(logBefore)
        .split('\n')
        .find((line) => line.includes('SSO sign-in refused'));
    await expect.poll(refusalLine, { timeout: 5_000 }).toBeDefined();
    const refusal = refusalLine();
    // Refused for the right reason: the signature, or the expiry, and nothing else.
    expect(refusal).toMatch(reason);
    // The log names the failure but never holds the token.
    expect(refusal).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
    await context.close();
  });
});

describe("the admin API's actor assertions", () => {
  /** An assertion as the console makes one (docs/architecture.md, "Console SSO"). */
  const assertion = (payload: Record<string, unknown>, secret = ACTOR_SECRET) => {
    const body = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const listKeys = (actor: string) =>
    fetch(`${accounting.origin}/admin/v1/keys`, { headers: { 'x-switchyard-actor': actor } });

  it('is refused by the catalog too when tampered, and accepted when genuine', async () => {
    const admin = { sub: 'alice', role: 'admin', team: null, iat: now(), exp: now() + 30 };
    const providers = (actor: string) =>
      fetch(`${catalog.origin}/admin/v1/providers`, { headers: { 'x-switchyard-actor': actor } });
    expect((await providers(assertion(admin))).status).toBe(200);
    expect((await providers(assertion(admin, 'y'.repeat(64)))).status).toBe(401);
  });

  it('lets a valid team_admin assertion see its own team and nothing else', async () => {
    const response = await listKeys(
      assertion({
        sub: 'bob',
        role: 'team_admin',
        team: teams.search,
        iat: now(),
        exp: now() + 30,
      }),
    );
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: Array<{ name: string }> };
    expect(page.data.map((key) => key.name)).toEqual(['search-app']);
  });

  it('refuses a tampered, a wrongly signed and an expired assertion', async () => {
    const genuine = assertion({
      sub: 'bob',
      role: 'team_admin',
      team: teams.search,
      iat: now(),
      exp: now() + 30,
    });
    const [version, , mac] = genuine.split('.');
    const escalated = Buffer.from(
      JSON.stringify({ sub: 'bob', role: 'admin', team: null, iat: now(), exp: now() + 30 }),
    ).toString('base64url');
    const refused = [
      `${version}.${escalated}.${mac}`,
      assertion(
        { sub: 'bob', role: 'admin', team: null, iat: now(), exp: now() + 30 },
        'x'.repeat(64),
      ),
      assertion({ sub: 'bob', role: 'admin', team: null, iat: now() - 120, exp: now() - 60 }),
    ];
    for (const actor of refused) {
      const response = await listKeys(actor);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('invalid_actor_assertion');
    }
  });
});
