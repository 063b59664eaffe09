/**
 * What a gateway wrote besides its startup text: Switchyard's pino lines (JSON objects), or for
 * the peer everything after its "Ready" line. Under load, anything here is worth a look.
 */
export function extractLogLines(output: string, kind: 'switchyard' | 'peer'): string[] {
  const lines = output.split('\n').map((line) => line.trimEnd());
  if (kind === 'switchyard') return lines.filter((line) => line.startsWith('{'));
  const ready = lines.findIndex((line) => line.includes('Ready for connections'));
  return lines.slice(ready + 1).filter((line) => line.trim() !== '');
}
