import type Database from 'better-sqlite3';

/**
 * A count that moves whenever the database may have changed, read from two stamps: SQLite's
 * `data_version` moves when another connection (a worker thread, the CLI) commits, and
 * `total_changes()` when this connection writes, triggers included. Anything read under one
 * generation is still true while it stays: hot reads keep their results under it instead of
 * querying per request, and never serve a stale one. Inside a transaction there is no
 * generation (null): what the transaction wrote may still roll back.
 */
export function createGeneration(sqlite: Database.Database): () => number | null {
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const localChanges = sqlite.prepare('select total_changes()').pluck();
  let generation = 0;
  let seen: { dataVersion: unknown; localChanges: unknown } | undefined;
  return () => {
    if (sqlite.inTransaction) return null;
    const now = { dataVersion: dataVersion.get(), localChanges: localChanges.get() };
    if (seen === undefined || now.dataVersion !== seen.dataVersion || now.localChanges !== seen.localChanges) {
      generation += 1;
      seen = now;
    }
    return generation;
  };
}

/**
 * Values read from the database, kept per key while its generation stays, at most `limit`
 * of them, the oldest kept dropped first. The key must name every input but the database.
 */
export function keptWhileUnchanged<T>(generation: () => number | null, limit: number): (key: string, read: () => T) => T {
  const kept = new Map<string, { generation: number; value: T }>();
  return (key, read) => {
    const current = generation();
    if (current === null) return read();
    const hit = kept.get(key);
    if (hit?.generation === current) return hit.value;
    const value = read();
    kept.delete(key);
    if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
    kept.set(key, { generation: current, value });
    return value;
  };
}
