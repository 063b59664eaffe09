import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { ConfigProblem } from './config-problem.js';

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
};

function describeReadError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return FILE_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Reads and parses a YAML file. An unreadable file becomes a problem at `readFailure` (the
 * variable that named the file, or the file itself); a syntax error names its line.
 */
export function readYamlFile(
  file: string,
  readFailure: { source: string; path: string },
): { value: unknown; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    const reason = `cannot read ${file}: ${describeReadError(error)}`;
    return { value: undefined, problems: [{ ...readFailure, reason }] };
  }
  const document = parseDocument(text);
  // Later errors are mostly consequences of the first, so one accurate line beats a cascade.
  const error = document.errors[0];
  // An empty file is an empty configuration.
  if (error === undefined) return { value: document.toJS() ?? {}, problems: [] };
  const position = error.linePos?.[0];
  // Drop the " at line N, column M:" suffix and the excerpt: the path says where.
  let reason = error.message.split(/ at line \d+/)[0] ?? error.message;
  const line = position === undefined ? '' : (text.split('\n')[position.line - 1] ?? '');
  if (line.includes('${') && /[{[]/.test(line.replaceAll('${', ''))) {
    reason += ` (inside { } or [ ], quote values that use \${VAR})`;
  }
  const path = position === undefined ? '(file)' : `line ${position.line}, column ${position.col}`;
  return { value: undefined, problems: [{ source: file, path, reason }] };
}
