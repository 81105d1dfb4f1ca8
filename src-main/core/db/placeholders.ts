import { getTableColumns, sql, type Placeholder, type Table } from 'drizzle-orm';

/**
 * `{ column: sql.placeholder('column') }` for every column of a table: an insert prepared once
 * and run with a plain row object, for the writes on the till's hot path.
 */
export function placeholdersFor<T extends Table>(
  table: T,
): Record<keyof T['_']['columns'], Placeholder> {
  return Object.fromEntries(
    Object.keys(getTableColumns(table)).map((column) => [column, sql.placeholder(column)]),
  ) as Record<keyof T['_']['columns'], Placeholder>;
}
