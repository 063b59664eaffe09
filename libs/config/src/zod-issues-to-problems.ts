import type { z } from 'zod';
import type { ConfigProblem } from './config-problem.js';
import { formatConfigPath } from './format-config-path.js';

/** Turns zod issues into problems located by YAML path (or variable name), one per unknown key. */
export function zodIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  source: string,
): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
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
