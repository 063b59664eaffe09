import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatTable } from '../report/format-table.js';
import { type CpuProfile, summarizeCpuProfile } from './summarize-cpu-profile.js';

// `pnpm bench:profile FILE… [--top N] [--skip S]`: the functions with the most self time in each
// V8 CPU profile (`pnpm bench --cpu-prof DIR` writes one per Switchyard process and thread when
// it stops), leaving out the first S seconds (start-up).
const { values, positionals: files } = parseArgs({
  options: { top: { type: 'string', default: '15' }, skip: { type: 'string', default: '0' } },
  allowPositionals: true,
});
const top = Number(values.top);
const skipSeconds = Number(values.skip);
if (files.length === 0 || !Number.isInteger(top) || top < 1 || !(skipSeconds >= 0)) {
  console.error('Usage: pnpm bench:profile FILE.cpuprofile… [--top N] [--skip SECONDS]');
  process.exit(2);
}
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const summary = summarizeCpuProfile(JSON.parse(text) as CpuProfile, skipSeconds * 1000);
  const service = /services\/(\w+)\/src\/main\.ts/.exec(text)?.[1] ?? 'unknown';
  console.log(
    `${file}\n${service}: ${(summary.totalMs / 1000).toFixed(1)} s profiled, ${(summary.busyMs / 1000).toFixed(1)} s busy (after the first ${skipSeconds} s); top ${top} by self time`,
  );
  const rows = summary.functions
    .slice(0, top)
    .map((cost) => [cost.function, cost.selfMs.toFixed(0), cost.busyPercent.toFixed(1)]);
  console.log(`${formatTable(['function', 'self ms', '% of busy'], rows, 1)}\n`);
}
