import { Knex } from 'knex';
import { StoredRunsAfter } from '../lib/storePages';

/** Values per `IN (...)` list. */
const CHUNK = 500;

/** A list in slices of `size` (IN lists, multi-row inserts). */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** An ISO time as ms since the epoch, null when absent or invalid. */
export const ms = (iso: string | undefined): number | null => {
  if (!iso) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
};

/**
 * Orders a query of runs newest first (start, then id) and keeps those
 * after `before`: keyset paging that stays right while runs are added.
 */
export function newestFirstAfter(
  query: Knex.QueryBuilder,
  before: StoredRunsAfter | undefined,
  idColumn: string,
): Knex.QueryBuilder {
  query.whereNotNull('started_at').orderBy([
    { column: 'started_at', order: 'desc' },
    { column: idColumn, order: 'desc' },
  ]);
  if (before) {
    query.andWhere(q =>
      q
        .where('started_at', '<', before.startedAt)
        .orWhere(same =>
          same
            .where('started_at', '=', before.startedAt)
            .andWhere(idColumn, '<', before.runId),
        ),
    );
  }
  return query;
}
