import type { IncomingHttpHeaders } from 'node:http';
import { MAX_REQUEST_TAGS, parseEndUser, parseTagList } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';

/** Who and what a request's cost is attributed to, beside its key and team. */
export interface Attribution {
  /** The end user: `x-switchyard-user`, else the body's `user`, else `metadata.user_id`. */
  readonly endUser: string | undefined;
  /** Up to 10 `key` or `key:value` tags: `x-switchyard-tags`, then `metadata.tags`, deduplicated. */
  readonly tags: readonly string[];
}

const NONE: Readonly<Record<string, unknown>> = Object.freeze({});
/** The attribution of a request that names none, shared (frozen: its readers copy the tags). */
const UNATTRIBUTED: Attribution = Object.freeze({
  endUser: undefined,
  tags: Object.freeze([]),
});

/**
 * A request's attribution from its headers and body, whatever the endpoint (OpenAI chat and
 * embeddings send `user`; Anthropic messages `metadata.user_id`; either may send
 * `metadata.tags`, a string, as OpenAI metadata values are). A malformed value is a 400 naming
 * where it came from, before the request is admitted: a typo never turns into unattributed spend.
 */
export function attributionOf(headers: IncomingHttpHeaders, body: unknown): Attribution {
  const fields =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : NONE;
  const metadata =
    typeof fields.metadata === 'object' && fields.metadata !== null
      ? (fields.metadata as Record<string, unknown>)
      : NONE;
  // Most requests name no end user and no tags: nothing to check or build.
  if (
    headers['x-switchyard-user'] === undefined &&
    headers['x-switchyard-tags'] === undefined &&
    fields.user == null &&
    metadata.user_id == null &&
    metadata.tags == null
  ) {
    return UNATTRIBUTED;
  }
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };

  const userSources: Array<[string, unknown]> = [
    ['x-switchyard-user', header('x-switchyard-user')],
    ['user', fields.user],
    ['metadata.user_id', metadata.user_id],
  ];
  let endUser: string | undefined;
  for (const [param, value] of userSources) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw apiErrors.invalidRequest(`Invalid request: ${param} must be a string.`, param);
    }
    const parsed = parseEndUser(value);
    if ('problem' in parsed) {
      throw apiErrors.invalidRequest(`Invalid request: ${param} ${parsed.problem}.`, param);
    }
    endUser = parsed.endUser;
    break;
  }

  const tags = new Set<string>();
  const tagSources: Array<[string, unknown]> = [
    ['x-switchyard-tags', header('x-switchyard-tags')],
    ['metadata.tags', metadata.tags],
  ];
  for (const [param, value] of tagSources) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw apiErrors.invalidRequest(
        `Invalid request: ${param} must be a comma-separated string of key or key:value tags.`,
        param,
      );
    }
    const parsed = parseTagList(value);
    if ('problem' in parsed) {
      throw apiErrors.invalidRequest(`Invalid request: ${parsed.problem}.`, param);
    }
    for (const tag of parsed.tags) tags.add(tag);
    if (tags.size > MAX_REQUEST_TAGS) {
      throw apiErrors.invalidRequest(
        `Invalid request: at most ${MAX_REQUEST_TAGS} tags per request (x-switchyard-tags and metadata.tags together).`,
        param,
      );
    }
  }
  return { endUser, tags: [...tags] };
}
