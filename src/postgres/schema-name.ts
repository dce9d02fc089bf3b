import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';

/** The schema the tables live in when none is named. */
export const DEFAULT_SCHEMA = 'email_guard';

// An unquoted PostgreSQL identifier in lower case, at most 63 bytes (NAMEDATALEN - 1): it is
// written into SQL, so nothing else is accepted.
const SchemaNameSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a schema name in lower-case letters, digits and _ (at most 63)')
  // PostgreSQL's own schemas: pg_ names are reserved for the system, and information_schema is the
  // SQL standard's catalogue (PostgreSQL manual, "CREATE SCHEMA" and 5.9.5, "The System Catalog Schema").
  // public is where every database keeps its users' own tables by default (manual 5.9.2, "The Public
  // Schema"): email-guard's tables there would sit among them, and a later schema upgrade beside them.
  .refine(
    (name) => !name.startsWith('pg_') && name !== 'information_schema' && name !== 'public',
    "a schema of its own: public holds the database's own tables, pg_* and information_schema belong to PostgreSQL",
  );

/** The schema option, checked, as a quoted identifier ready to be written into SQL. */
export function schemaName(schema: unknown, path: readonly (string | number)[]): string {
  return `"${parseInput(SchemaNameSchema, schema ?? DEFAULT_SCHEMA, path)}"`;
}
