import { badRequest } from './problem.js';

/**
 * Keyset cursors: the sort values of the last row of a page, opaque to clients
 * (base64url JSON). A cursor is only ever compared, never used as an offset.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor with `arity` values of the given kinds; otherwise a
 * 400 naming the query parameter `field` it came in.
 */
export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  kinds: T,
  field = 'cursor',
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('query', field, 'is not a cursor returned by this API');
  }
  const valid =
    Array.isArray(values) &&
    values.length === kinds.length &&
    values.every((v, i) => (kinds[i] === 'number' ? Number.isSafeInteger(v) : typeof v === 'string'));
  if (!valid) throw badRequest('query', field, 'is not a cursor returned by this API');
  return values as { [K in keyof T]: T[K] extends 'number' ? number : string };
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

/** Cuts a page fetched with `limit + 1` rows; the extra row only says that a next page exists. */
export function cutPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number)[]): Page<T> {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1] as T)) };
}
