/** Most tags one request carries. */
export const MAX_REQUEST_TAGS = 10;
/** Longest end-user id (the request's `user`, `metadata.user_id` or `x-switchyard-user`). */
export const END_USER_MAX_CHARS = 256;
/** Longest tag key, and longest tag value. */
export const TAG_KEY_MAX_CHARS = 64;
export const TAG_VALUE_MAX_CHARS = 128;
/** Longest tag (`key:value`). */
export const TAG_MAX_CHARS = TAG_KEY_MAX_CHARS + 1 + TAG_VALUE_MAX_CHARS;

const TAG_KEY = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;
/** Printable, no comma (the list separator), no control characters. */
const TAG_VALUE = /^[^\p{Cc},]+$/u;
/** Printable: an end-user id is shown in tables and CSV cells. */
const END_USER = /^[^\p{Cc}]+$/u;

/** Why an attribution value was refused, in words a caller can act on. */
export type AttributionProblem = string;

/**
 * A comma-separated tag list (`team:search, feature:autocomplete, beta`) as normalised tags, or the
 * problem with it: each tag is `key` or `key:value`, key of letters, digits and `_ . - /` (at most
 * {@link TAG_KEY_MAX_CHARS}), value printable (at most {@link TAG_VALUE_MAX_CHARS}).
 */
export function parseTagList(text: string): { tags: string[] } | { problem: AttributionProblem } {
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag === '') continue;
    const colon = tag.indexOf(':');
    const key = colon === -1 ? tag : tag.slice(0, colon).trim();
    const value = colon === -1 ? undefined : tag.slice(colon + 1).trim();
    if (!TAG_KEY.test(key) || key.length > TAG_KEY_MAX_CHARS) {
      return {
        problem: `tag '${clip(tag)}' needs a key of letters, digits, '_', '.', '-' or '/' (at most ${TAG_KEY_MAX_CHARS})`,
      };
    }
    if (value !== undefined && (!TAG_VALUE.test(value) || value.length > TAG_VALUE_MAX_CHARS)) {
      return {
        problem: `tag '${clip(tag)}' needs a printable value of 1 to ${TAG_VALUE_MAX_CHARS} characters`,
      };
    }
    tags.push(value === undefined ? key : `${key}:${value}`);
  }
  return { tags };
}

/** An end-user id, trimmed, or the problem with it. */
export function parseEndUser(text: string): { endUser: string } | { problem: AttributionProblem } {
  const endUser = text.trim();
  if (endUser === '' || endUser.length > END_USER_MAX_CHARS || !END_USER.test(endUser)) {
    return { problem: `must be 1 to ${END_USER_MAX_CHARS} printable characters` };
  }
  return { endUser };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
