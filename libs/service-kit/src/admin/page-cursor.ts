import { isPostgresTimestampText } from '@switchyard/contracts';
import { z } from 'zod';
import { apiErrors } from '../api-error.js';

/** Where a page ended: the last row's `created_at` (as Postgres text, full precision) and id. */
export interface PageCursor {
  createdAt: string;
  id: string;
}

const cursorSchema = z.tuple([
  z.string().max(64).refine(isPostgresTimestampText, { error: 'not a timestamp' }),
  z.uuid(),
]);

/** The opaque `next_cursor` for a page that ended at `cursor`. */
export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** Reads a `cursor` query parameter; a malformed one is a 400 naming `cursor`. */
export function decodePageCursor(text: string): PageCursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { createdAt: parsed[0], id: parsed[1] };
  } catch {
    throw apiErrors.invalidRequest(
      'Invalid request: cursor is not a cursor this API returned.',
      'cursor',
    );
  }
}
