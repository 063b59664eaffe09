import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from '../support/fake-config.js';
import { type Standalone, startStandalone } from '../support/start-standalone.js';

// The console's audit page and CSV export in a real browser, on the standalone process: an admin
// sees team, key and catalog changes with who made them; a team_admin only its team's; a member
// no audit page, and a request log export of its own key's requests only.
const CHROMIUM = '/usr/bin/chromium';

const yaml = `
providers:
  - name: fake
    type: openai-compatible
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
models:
  - { id: fake/gpt, upstream_model: gpt-test, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`;

let fake: FakeOpenAI;
let standalone: Standalone;
let browser: Browser;
let masterKey = '';
const created = {
  teamA: '',
  teamB: '',
  leadSecret: '',
  leadId: '',
  memberSecret: '',
  rotatedId: '',
};

async function admin<T>(method: string, path: string, body?: unknown, key = masterKey): Promise<T> {
  const response = await fetch(`${standalone.origin}/admin/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function logIn(key: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${standalone.origin}/console/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  return page;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium).`);
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  standalone = await startStandalone({ yaml, env: { FAKE_URL: fake.url } });
  masterKey = standalone.printedKey ?? '';
  created.teamA = (await admin<{ id: string }>('POST', '/teams', { name: 'audit-a' })).id;
  created.teamB = (await admin<{ id: string }>('POST', '/teams', { name: 'audit-b' })).id;
  const lead = await admin<{ id: string; secret: string }>('POST', '/keys', {
    name: 'lead',
    team_id: created.teamA,
    role: 'team_admin',
  });
  created.leadSecret = lead.secret;
  created.leadId = lead.id;
  // The team_admin makes a key of its own team and rotates it: changes under its name.
  const worker = await admin<{ id: string; secret: string }>(
    'POST',
    '/keys',
    { name: 'worker', team_id: created.teamA },
    lead.secret,
  );
  // Rotated: the old secret stops working, the new one is the member's.
  created.memberSecret = (
    await admin<{ secret: string }>('POST', `/keys/${worker.id}/rotate`, undefined, lead.secret)
  ).secret;
  created.rotatedId = worker.id;
  await admin('POST', '/keys', { name: 'elsewhere', team_id: created.teamB });
  await admin('PATCH', '/providers/fake', { enabled: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await standalone?.stop();
  await fake?.close();
});

async function chat(secret: string, user: string): Promise<string> {
  const response = await fetch(`${standalone.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake/gpt', user, messages: [{ role: 'user', content: 'hi' }] }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('x-switchyard-request-id') ?? '';
}

describe('console audit page', () => {
  it('shows an admin every team and key change, and the catalog changes on request', async () => {
    const page = await logIn(masterKey);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const table = page.locator('table.audit-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('key.rotate');
    expect(text).toContain(created.rotatedId);
    expect(text).toContain(created.leadId);
    expect(text).toContain('team.create');
    await page.getByLabel('Changes to').selectOption('catalog');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('table.audit-table', { hasText: 'provider.update' }).waitFor();
    await page.getByLabel('Action').fill('provider.*');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => page.locator('table.audit-table tbody tr').count()).toBe(1);
  });

  it("shows a team_admin its own team's changes only, and a member no audit page", async () => {
    const lead = await logIn(created.leadSecret);
    await lead.getByRole('link', { name: 'Audit' }).click();
    const table = lead.locator('table.audit-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('key.rotate');
    expect(text).not.toContain('elsewhere');
    expect(text).not.toContain('provider.update');
    expect(await lead.getByLabel('Changes to').count()).toBe(0);

    const member = await logIn(created.memberSecret);
    expect(await member.getByRole('link', { name: 'Audit' }).count()).toBe(0);
  });

  it("downloads the request log as CSV: a member gets its own key's requests only", async () => {
    const mine = await chat(created.memberSecret, 'alice');
    const theirs = await chat(masterKey, 'bob');
    // Usage lands a moment after the response: download until the member's request is in.
    const page = await logIn(created.memberSecret);
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { name: 'Requests' }).waitFor();
    let csv = '';
    await expect
      .poll(
        async () => {
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: 'Export CSV' }).click(),
          ]);
          csv = await readFile((await download.path()) ?? '', 'utf8');
          return csv.includes(mine);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header?.startsWith('request_id,')).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(',alice,');
    expect(csv).not.toContain(theirs);
  });
});
