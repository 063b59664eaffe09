import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildReaper } from './create-child-reaper.js';

/** The peer gateway measured beside Switchyard: Portkey's open-source gateway, pinned. */
export const PEER_PACKAGE = '@portkey-ai/gateway';
export const PEER_VERSION = '1.15.2';

/**
 * The scratch folder's manifest. Portkey asks for `@hono/node-server` ^1.3.3, but every release
 * after 1.14.2 makes its streamed responses fail with `TypeError: immutable` (Portkey-AI/gateway
 * issue #1389), so the version Portkey's own lockfile carries is forced.
 */
const PEER_MANIFEST = `${JSON.stringify(
  {
    private: true,
    description: 'Scratch install of the peer gateway for pnpm bench (gitignored).',
    dependencies: { [PEER_PACKAGE]: PEER_VERSION },
    overrides: { '@hono/node-server': '1.13.5' },
  },
  null,
  2,
)}\n`;

/**
 * Returns the peer's server entry, installing the pinned package into `prefix` (a gitignored
 * scratch folder) with npm first if it is missing or was installed from another manifest.
 * Rejects with npm's last words if that fails.
 */
export async function installPeer(prefix: string, reaper: ChildReaper): Promise<string> {
  const entry = join(prefix, 'node_modules', PEER_PACKAGE, 'build', 'start-server.js');
  const manifestFile = join(prefix, 'package.json');
  const current = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : undefined;
  if (existsSync(entry) && current === PEER_MANIFEST) return entry;
  process.stderr.write(`installing ${PEER_PACKAGE}@${PEER_VERSION} into ${prefix} …\n`);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(manifestFile, PEER_MANIFEST);
  const output = await runNpm(
    ['install', '--prefix', prefix, '--no-audit', '--no-fund'],
    180_000,
    reaper,
  );
  if (!existsSync(entry))
    throw new Error(`npm install finished but ${entry} is missing:\n${output}`);
  return entry;
}

function runNpm(args: string[], timeoutMs: number, reaper: ChildReaper): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    reaper.track(child);
    let output = '';
    const append = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run npm: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(new Error(`npm install failed (${signal ?? code}): ${summarizeNpmErrors(output)}`));
    });
  });
}

// npm's first error lines name the cause (code, errno, message); the rest is advice and paths.
function summarizeNpmErrors(output: string): string {
  const errors = output
    .split('\n')
    .filter((line) => line.startsWith('npm error') || line.startsWith('npm ERR!'))
    .map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((line) => line !== '');
  return (errors.length > 0 ? errors.slice(0, 3) : output.trim().split('\n').slice(-3)).join('; ');
}
