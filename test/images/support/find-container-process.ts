import { readdirSync, readFileSync } from 'node:fs';

/**
 * The first process under `buildahPid` that is not buildah's own (`buildah run` →
 * `buildah-chroot-exec` → the image's entrypoint): the container's PID 1 as far as signals go.
 * buildah itself does not pass SIGTERM on, it kills the container.
 */
export function findContainerProcess(buildahPid: number): number | undefined {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const queue = [...(children.get(buildahPid) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    if (!commandOf(pid).startsWith('buildah')) return pid;
    queue.push(...(children.get(pid) ?? []));
  }
  return undefined;
}

function parentOf(pid: number): number | undefined {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return argv0.slice(argv0.lastIndexOf('/') + 1);
  } catch {
    return '';
  }
}
