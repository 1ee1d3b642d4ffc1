import type { DatabaseHandle } from '../src/db/client.js';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/** Records every statement `work` runs through the database, with its bound parameters. */
export async function captureQueries(database: DatabaseHandle, work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const sqlite = database.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        captured.push({ sql: source, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
  try {
    await work();
  } finally {
    sqlite.prepare = prepare;
  }
  return captured;
}

/** SQLite's plan for a captured query, one line per step. */
export function queryPlan(database: DatabaseHandle, query: CapturedQuery): string[] {
  const rows = database.sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.params as never[])) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/**
 * Plan steps that read a whole table or sort a whole result: what a hot path must never do.
 * (A SCAN *using an index* in ORDER BY order is fine: LIMIT stops it after one page.)
 */
export const FULL_WORK = /^SCAN (?!CONSTANT)\S+$|USE TEMP B-TREE/;
