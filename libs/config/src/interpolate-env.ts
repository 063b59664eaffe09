import type { ConfigProblem } from './config-problem.js';
import { formatConfigPath } from './format-config-path.js';

// `$${...}` escapes a literal `${...}`; a lone `${` with no closing brace is a mistake.
const REFERENCE = /\$(\$)?\{([^}]*)\}|\$\{/g;
const EXPRESSION = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/;

interface InterpolateOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Where problems are reported from (the YAML file's path). */
  source: string;
}

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value (never in keys) of parsed YAML.
 * As in the shell, the default applies when VAR is unset or empty.
 */
export function interpolateEnv(
  value: unknown,
  options: InterpolateOptions,
): { value: unknown; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const walk = (node: unknown, path: readonly PropertyKey[]): unknown => {
    if (typeof node === 'string') {
      return interpolateString(node, options.env, (reason) =>
        problems.push({ source: options.source, path: formatConfigPath(path), reason }),
      );
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]),
      );
    }
    return node;
  };
  return { value: walk(value, []), problems };
}

function interpolateString(
  text: string,
  env: InterpolateOptions['env'],
  report: (reason: string) => void,
): string {
  return text.replace(
    REFERENCE,
    (match, escaped: string | undefined, inner: string | undefined) => {
      if (inner === undefined) {
        report(`'\${' has no closing '}'`);
        return match;
      }
      if (escaped !== undefined) return match.slice(1);
      const expression = EXPRESSION.exec(inner);
      const name = expression?.[1];
      if (expression === null || name === undefined) {
        report(`'\${${inner}}' is not a valid reference (use \${VAR} or \${VAR:-default})`);
        return match;
      }
      const fallback = expression[2];
      const value = env[name];
      if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
      if (value === undefined) {
        report(`environment variable ${name} is not set`);
        return '';
      }
      return value;
    },
  );
}
