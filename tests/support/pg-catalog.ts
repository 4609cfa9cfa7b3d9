// A comparable description of a database's schema, read from the catalogue, for the drift test.
import { withClient } from "./test-database";

export type Catalog = {
  enums: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
};

export async function readCatalog(url: string, { includeChecks = false } = {}): Promise<Catalog> {
  return withClient(url, async (client) => {
    const enums = await client.query<{ line: string }>(`
      SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const columns = await client.query<{ line: string }>(`
      SELECT concat_ws(' | ', table_name, column_name, data_type, udt_name, is_nullable, column_default,
        character_maximum_length::text, numeric_precision::text, numeric_scale::text, datetime_precision::text) AS line
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const indexes = await client.query<{ line: string }>(`
      SELECT tablename || ' | ' || indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const constraints = await client.query<{ line: string }>(`
      SELECT c.conrelid::regclass::text || ' | ' || c.conname || ' | ' || c.contype::text || ' | ' || pg_get_constraintdef(c.oid) AS line
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
        AND c.contype <> 't' ${includeChecks ? "" : "AND c.contype <> 'c'"}`);
    const sorted = (rows: { line: string }[]) => rows.map((row) => row.line).sort();
    return {
      enums: sorted(enums.rows),
      columns: sorted(columns.rows),
      indexes: sorted(indexes.rows),
      constraints: sorted(constraints.rows),
    };
  });
}
