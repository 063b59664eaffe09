import { createDatabase } from './create-database.js';
import { describeDatabaseSuite } from './testing/describe-database-suite.js';

// PGlite needs nothing outside the process, so the whole suite runs with the unit tests.
describeDatabaseSuite('pglite', async () => {
  const database = createDatabase({ pglite: { dataDir: undefined } });
  return { database, dispose: () => database.close() };
});
