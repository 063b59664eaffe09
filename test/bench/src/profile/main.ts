import { readFileSync } from 'node:fs';
import { formatTable } from '../report/format-table.js';
import { type CpuProfile, summarizeCpuProfile } from './summarize-cpu-profile.js';

// `pnpm bench:profile FILE… [--top N]`: the functions with the most self time in each V8 CPU
// profile (`pnpm bench --cpu-prof DIR` writes one per Switchyard process when it stops).
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt === -1 ? 15 : Number(args[topAt + 1]);
const files = args.filter((_arg, index) => index !== topAt && index !== topAt + 1);
if (files.length === 0 || !Number.isInteger(top) || top < 1) {
  console.error('Usage: pnpm bench:profile FILE.cpuprofile… [--top N]');
  process.exit(2);
}
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const summary = summarizeCpuProfile(JSON.parse(text) as CpuProfile);
  const service = /services\/(\w+)\/src\/main\.ts/.exec(text)?.[1] ?? 'unknown';
  console.log(
    `${file}\n${service}: ${(summary.totalMs / 1000).toFixed(1)} s profiled, ${(summary.busyMs / 1000).toFixed(1)} s busy; top ${top} by self time`,
  );
  const rows = summary.functions
    .slice(0, top)
    .map((cost) => [cost.function, cost.selfMs.toFixed(0), cost.busyPercent.toFixed(1)]);
  console.log(`${formatTable(['function', 'self ms', '% of busy'], rows, 1)}\n`);
}
