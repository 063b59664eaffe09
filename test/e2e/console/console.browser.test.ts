import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../support/start-service.js';

// The console in a real browser against the distributed deployment: accounting, a gateway and
// the console as their own processes over one Postgres, Redis and NATS, driven only by clicks.
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/console/', import.meta.url));
const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const TEAM = `console-team-${randomBytes(3).toString('hex')}`;
/** How long a finished request may take to reach the request log (gateway → NATS → Postgres). */
const USAGE_WAIT_MS = 10_000;

let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let services: RunningService[] = [];
let gateway: RunningService;
let consoleService: RunningService;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
/** What the steps hand on to each other. */
const state = { appSecret: '', viewerSecret: '', appRequestId: '', viewerRequestId: '' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`,
    );
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  fake = await startFakeOpenAI();
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const shared = {
    DATABASE_URL: fresh.url,
    REDIS_URL: (await useRedis()).url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
  };
  const accounting = await startService('accounting', shared);
  services.push(accounting);
  gateway = await startService('gateway', {
    ...shared,
    OPENAI_API_KEY: 'sk-fake',
    OPENAI_BASE_URL: fake.url,
  });
  services.push(gateway);
  consoleService = await startService('console', {
    SWITCHYARD_ADMIN_URL: accounting.origin,
    SWITCHYARD_GATEWAY_URL: gateway.origin,
  });
  services.push(consoleService);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  admin = await adminContext.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(services.map((service) => service.stop()));
  services = [];
  await fake?.close();
  await fresh?.drop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

async function logIn(page: Page, key: string): Promise<void> {
  await page.goto(`${consoleService.origin}/console/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
}

const chat = (secret: string) =>
  fetch(`${gateway.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    }),
  });

/** Opens the request log until `requestId` is listed (usage lands a little after the request). */
async function waitForLogRow(page: Page, requestId: string): Promise<void> {
  const deadline = Date.now() + USAGE_WAIT_MS;
  for (;;) {
    await page.goto(`${consoleService.origin}/console/#/requests?r=${Date.now()}`);
    await page.getByRole('heading', { name: 'Requests' }).waitFor();
    await page
      .locator('.state-loading')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    if ((await page.getByRole('link', { name: requestId }).count()) > 0) return;
    if (Date.now() > deadline) {
      const shown = await page.locator('main').innerText();
      throw new Error(`request ${requestId} not in the log after ${USAGE_WAIT_MS} ms:\n${shown}`);
    }
    await page.waitForTimeout(500);
  }
}

async function createKey(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New key' }).click();
  const form = page.getByRole('form', { name: 'New key' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Team').selectOption({ label: TEAM });
  await form.getByLabel('Role').selectOption('member');
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = (await page.getByTestId('secret-value').innerText()).trim();
  await page.getByRole('button', { name: 'I have stored it' }).click();
  return secret;
}

describe('console in a browser', () => {
  it('an admin logs in with the master key and sees the overview', async () => {
    await logIn(admin, MASTER_KEY);
    await expect(admin.getByTestId('who').innerText()).resolves.toContain('Admin');
    await shot(admin, 'overview');
  });

  it('an admin creates a team and two member keys, each secret shown once', async () => {
    await admin.getByRole('link', { name: 'Keys & teams' }).click();
    await admin.getByRole('button', { name: 'New team' }).click();
    const teamForm = admin.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('Name').fill(TEAM);
    await teamForm.getByLabel('Requests per minute').fill('600');
    await teamForm.getByRole('button', { name: 'Create team' }).click();
    await admin.getByRole('cell', { name: TEAM }).first().waitFor();

    state.appSecret = await createKey(admin, 'console-app');
    state.viewerSecret = await createKey(admin, 'console-viewer');
    expect(state.appSecret).toMatch(/^sk-/);
    expect(state.viewerSecret).not.toBe(state.appSecret);
    await expect(admin.getByTestId('secret-value').count()).resolves.toBe(0);
    await admin.locator('tr[data-key-name="console-app"]').waitFor();
    await shot(admin, 'keys-and-teams');
  });

  it('the new key works at the gateway', async () => {
    const response = await chat(state.appSecret);
    expect(response.status).toBe(200);
    state.appRequestId = response.headers.get('x-request-id') ?? '';
    expect(state.appRequestId).not.toBe('');
  });

  it('the request shows in the request log and its detail opens [needs the usage pipeline]', async () => {
    await waitForLogRow(admin, state.appRequestId);
    await shot(admin, 'requests');
    await admin.getByRole('link', { name: state.appRequestId }).click();
    const detail = admin.getByTestId('request-detail');
    await detail.waitFor();
    await expect(detail.innerText()).resolves.toContain('openai/gpt-4o-mini');
    await shot(admin, 'request-detail');
  }, 30_000);

  it('revoking the key in the console refuses its next request', async () => {
    await admin.goto(`${consoleService.origin}/console/#/keys`);
    const row = admin.locator('tr[data-key-name="console-app"]');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('revoked').waitFor();
    const revokedAt = Date.now();
    for (;;) {
      const status = (await chat(state.appSecret)).status;
      if (status === 401) break;
      expect(Date.now() - revokedAt, `still ${status} after revocation`).toBeLessThan(5_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('a member logs in and gets the member view', async () => {
    const response = await chat(state.viewerSecret);
    expect(response.status).toBe(200);
    state.viewerRequestId = response.headers.get('x-request-id') ?? '';
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const member = await context.newPage();
    await logIn(member, state.viewerSecret);
    await expect(member.getByTestId('who').innerText()).resolves.toContain('Member');
    await expect(member.getByRole('link', { name: 'Keys & teams' }).count()).resolves.toBe(0);
    await shot(member, 'member-overview-phone');
    await context.close();
  });

  it('a member sees only their own requests [needs the usage pipeline]', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const member = await context.newPage();
    await logIn(member, state.viewerSecret);
    await waitForLogRow(member, state.viewerRequestId);
    await expect(member.getByRole('link', { name: state.appRequestId }).count()).resolves.toBe(0);
    await shot(member, 'member-requests-phone');
    await context.close();
  }, 30_000);

  it('the models and providers pages render (content or a clear error)', async () => {
    for (const page of ['models', 'providers'] as const) {
      await admin.goto(`${consoleService.origin}/console/#/${page}`);
      await admin.locator('main h1').waitFor();
      await admin
        .locator('.state-loading')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await expect(admin.locator('main').innerText()).resolves.not.toBe('');
      await shot(admin, page);
    }
  });

  it('logging out ends the session', async () => {
    await admin.getByRole('button', { name: 'Log out' }).click();
    await admin.getByLabel('API key').waitFor();
    await admin.reload();
    await admin.getByLabel('API key').waitFor();
  });
});
