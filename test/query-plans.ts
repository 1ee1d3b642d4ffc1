import type { DatabaseHandle } from '../src/db/client.js';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * Records every statement `work` runs through the database, with its bound parameters —
 * statements prepared once at start-up included, so the methods are wrapped on the prototype.
 */
export async function captureQueries(database: DatabaseHandle, work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const prototype = Object.getPrototypeOf(database.sqlite.prepare('select 1')) as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = prototype[method] as (this: { source: string }, ...args: unknown[]) => unknown;
    originals.set(method, original);
    prototype[method] = function (this: { source: string }, ...params: unknown[]) {
      captured.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    await work();
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
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
