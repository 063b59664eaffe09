import type { z } from 'zod';
import type { ConfigProblem } from './config-problem.js';
import { formatConfigPath } from './format-config-path.js';

type Issue = z.core.$ZodIssue;

function isWrongShape(issues: readonly Issue[]): boolean {
  return issues.every((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
}

/**
 * A union failed (a key given as a string or a mapping, say). When exactly one option had the
 * value's shape, its issues say precisely what is wrong; otherwise the union's own message does.
 */
function unionCause(issue: Issue): Issue[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const candidates = issue.errors.filter((issues) => !isWrongShape(issues));
  const [only] = candidates;
  if (candidates.length !== 1 || only === undefined) return undefined;
  return only.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

/** Turns zod issues into problems located by YAML path (or variable name), one per unknown key. */
export function zodIssuesToProblems(issues: readonly Issue[], source: string): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    const cause = unionCause(issue);
    if (cause !== undefined) return zodIssuesToProblems(cause, source);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        source,
        path: formatConfigPath([...issue.path, key]),
        reason: 'unknown key',
      }));
    }
    // A bad record key (e.g. a header name) carries the useful message one level down.
    const reason = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    return [{ source, path: formatConfigPath(issue.path), reason: reason ?? issue.message }];
  });
}
