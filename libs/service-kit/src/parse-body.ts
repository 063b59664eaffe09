import type { z } from 'zod';
import { apiErrors } from './api-error.js';

/**
 * Parses a request body with a schema; a failure becomes a 400 naming the first bad field in
 * `param` and every problem in the message.
 */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const describe = (issue: (typeof issues)[number]) => {
    const path = formatPath(issue.path);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  };
  const first = issues[0];
  const param = first === undefined ? null : formatPath(first.path) || null;
  throw apiErrors.invalidRequest(`Invalid request: ${issues.map(describe).join('; ')}`, param);
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
