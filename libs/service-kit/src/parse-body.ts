import type { z } from 'zod';
import { apiErrors } from './api-error.js';

type Issue = z.core.$ZodIssue;

/**
 * Parses a request body with a schema; a failure becomes a 400 naming the first bad field in
 * `param` and every problem in the message. A value that matches none of a union's shapes is
 * reported by the shape it came closest to (the one whose problems lie deepest), so a content
 * part without its `text` names `messages[0].content[0].text`, not just `messages[0].content`.
 */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => closestIssues(issue, []));
  const describe = (issue: Issue) => {
    const path = formatPath(issue.path);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  };
  const first = issues[0];
  const param = first === undefined ? null : formatPath(first.path) || null;
  throw apiErrors.invalidRequest(`Invalid request: ${issues.map(describe).join('; ')}`, param);
}

/** A union's issues replaced by those of its closest branch, with full paths. */
function closestIssues(issue: Issue, prefix: readonly PropertyKey[]): Issue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path }];
  let closest: readonly Issue[] = [];
  let closestDepth = -1;
  for (const branch of issue.errors) {
    const depth = Math.max(...branch.map((inner) => inner.path.length));
    if (depth > closestDepth) {
      closest = branch;
      closestDepth = depth;
    }
  }
  // No branch got past the value itself (a number where a string or a list was expected).
  if (closestDepth <= 0) return [{ ...issue, path }];
  return closest.flatMap((inner) => closestIssues(inner, path));
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
