import { type Kysely, sql } from 'kysely';

/** The tables of `schema`, by name. */
export async function listTables<T>(db: Kysely<T>, schema: string): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} order by table_name
  `.execute(db);
  return result.rows.map((row) => row.table_name);
}
