import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The peer gateway measured beside Switchyard: Portkey's open-source gateway, pinned. */
export const PEER_PACKAGE = '@portkey-ai/gateway';
export const PEER_VERSION = '1.15.2';

/**
 * Returns the peer's server entry, installing the pinned package into `prefix` (a gitignored
 * scratch folder) with npm first if it is not there. Rejects with npm's last words if that fails.
 */
export async function installPeer(prefix: string): Promise<string> {
  const entry = join(prefix, 'node_modules', PEER_PACKAGE, 'build', 'start-server.js');
  if (existsSync(entry)) return entry;
  process.stderr.write(`installing ${PEER_PACKAGE}@${PEER_VERSION} into ${prefix} …\n`);
  const args = [
    'install',
    '--prefix',
    prefix,
    '--save-exact',
    '--no-audit',
    '--no-fund',
    `${PEER_PACKAGE}@${PEER_VERSION}`,
  ];
  const output = await runNpm(args, 180_000);
  if (!existsSync(entry))
    throw new Error(`npm install finished but ${entry} is missing:\n${output}`);
  return entry;
}

function runNpm(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run npm: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const tail = output.trim().split('\n').slice(-5).join('\n');
      if (code === 0) resolve(output);
      else reject(new Error(`npm install failed (${signal ?? code}): ${tail}`));
    });
  });
}
