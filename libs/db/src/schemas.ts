/** The Postgres schemas Switchyard owns, each migrated on its own (accounting and catalog services). */
export const SCHEMAS = ['accounting', 'catalog'] as const;

/** One of {@link SCHEMAS}. */
export type SchemaName = (typeof SCHEMAS)[number];

/** Whether `value` names one of {@link SCHEMAS}. */
export function isSchemaName(value: string): value is SchemaName {
  return (SCHEMAS as readonly string[]).includes(value);
}
