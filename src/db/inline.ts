import { type SQL, sql } from 'drizzle-orm';

/*
 * Values written into a statement's text instead of bound to it: those SQLite plans with.
 * SQLite reads the value bound to a LIMIT or an OFFSET, and to a comparison with the column a
 * partial index filters on (comments.status, mentions.linked), when it compiles a statement;
 * binding such a parameter again marks the statement expired, so each run compiled it anew.
 * That cost 5–20 µs a run in a loop and 50–70 µs in the loaded server: more than the query.
 * Each distinct value makes a statement of its own text. They are few (page sizes, statuses),
 * and compiled statements are kept by their text (client.ts).
 */

/**
 * A row count for `.limit()` or `.offset()`, in the statement's text. Drizzle's types ask for a
 * number, but an SQL value given in its place is written into the text as it is.
 */
export function inlineCount(count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`A row count is a whole number from 0, not ${count}`);
  return sql.raw(String(count)) as unknown as number;
}

/** A constant compared with the column of a partial index's WHERE, in the statement's text. */
export function inlineConstant(value: string | boolean): SQL {
  if (typeof value === 'boolean') return sql.raw(value ? '1' : '0');
  return sql.raw(`'${value.replaceAll("'", "''")}'`);
}
