/** pino's number for `warn`: lines at this level or above are worth a look. */
const WARN = 40;

/**
 * What a gateway wrote worth a look: Switchyard's pino lines (JSON objects) at warn or above —
 * at info it logs every request — or for the peer everything after its "Ready" line.
 */
export function extractLogLines(output: string, kind: 'switchyard' | 'peer'): string[] {
  const lines = output.split('\n').map((line) => line.trimEnd());
  if (kind === 'switchyard')
    return lines.filter((line) => line.startsWith('{') && levelOf(line) >= WARN);
  const ready = lines.findIndex((line) => line.includes('Ready for connections'));
  return lines.slice(ready + 1).filter((line) => line.trim() !== '');
}

function levelOf(line: string): number {
  const level = /"level":(\d+)/.exec(line)?.[1];
  return level === undefined ? WARN : Number(level);
}
