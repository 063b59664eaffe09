import { isPostgresTimestampText, postgresTextSchema } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';
import { z } from 'zod';

/** Where a page of usage events ended: the last row's `finished_at` (Postgres text) and id. */
export interface UsageCursor {
  finishedAt: string;
  requestId: string;
}

const cursorSchema = z.tuple([
  z.string().max(64).refine(isPostgresTimestampText, { error: 'not a timestamp' }),
  postgresTextSchema().min(1).max(128),
]);

/** The opaque `next_cursor` for a page that ended at `cursor`. */
export function encodeUsageCursor(cursor: UsageCursor): string {
  return Buffer.from(JSON.stringify([cursor.finishedAt, cursor.requestId])).toString('base64url');
}

/** Reads a `cursor` query parameter; a malformed one is a 400 naming `cursor`. */
export function decodeUsageCursor(text: string): UsageCursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { finishedAt: parsed[0], requestId: parsed[1] };
  } catch {
    throw apiErrors.invalidRequest(
      'Invalid request: cursor is not a cursor this API returned.',
      'cursor',
    );
  }
}
