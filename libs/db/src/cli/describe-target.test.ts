import { describe, expect, it } from 'vitest';
import { describeTarget } from './describe-target.js';

describe('describeTarget', () => {
  it('names host and database, never the password', () => {
    expect(describeTarget({ url: 'postgres://app:s3cret@db.internal:5432/switchyard' })).toBe(
      'Postgres at db.internal:5432/switchyard',
    );
    expect(describeTarget({ url: 'not a url s3cret' })).not.toContain('s3cret');
    expect(describeTarget({ pgliteDataDir: '.switchyard/pgdata' })).toBe(
      'PGlite in .switchyard/pgdata',
    );
  });
});
