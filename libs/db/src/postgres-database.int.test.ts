import { createFreshPostgresDatabase, usePostgres } from '@switchyard/testing';
import { createDatabase } from './create-database.js';
import { describeDatabaseSuite } from './testing/describe-database-suite.js';

describeDatabaseSuite('postgres', async () => {
  const server = await usePostgres();
  const fresh = await createFreshPostgresDatabase(server.url);
  const database = createDatabase({ url: fresh.url, maxConnections: 4 });
  return {
    database,
    dispose: async () => {
      await database.close();
      await fresh.drop();
      await server.stop();
    },
  };
});
