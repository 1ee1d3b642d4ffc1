import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';

/**
 * How long another process's commit may go unseen. Asking SQLite whether one happened
 * (`pragma data_version`) opens and closes a read transaction on the WAL: two file-lock
 * system calls, ~15 µs of a ~180 µs conditional GET in the loaded server. Asked at most once
 * a millisecond, it costs a fraction of that, and a commit by the CLI or another server
 * process shows within a millisecond, sooner than any client that saw it commit can ask.
 * This connection's own writes are seen at once: `total_changes()` makes no system call.
 */
export const OTHER_PROCESS_CHECK_MS = 1;

/**
 * A count that moves whenever the database may have changed, read from two stamps: SQLite's
 * `data_version` moves when another connection (a worker thread, the CLI) commits, and
 * `total_changes()` when this connection writes, triggers included. Anything read under one
 * generation is still true while it stays: hot reads keep their results under it instead of
 * querying per request. Inside a transaction there is no generation (null): what the
 * transaction wrote may still roll back.
 */
export function createGeneration(sqlite: Database.Database, now: () => number = performance.now.bind(performance)): () => number | null {
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const localChanges = sqlite.prepare('select total_changes()').pluck();
  let generation = 0;
  let seen: { dataVersion: unknown; localChanges: unknown } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return () => {
    if (sqlite.inTransaction) return null;
    const at = now();
    const current = { dataVersion: seen?.dataVersion, localChanges: localChanges.get() };
    if (seen === undefined || at - checkedAt >= OTHER_PROCESS_CHECK_MS) {
      current.dataVersion = dataVersion.get();
      checkedAt = at;
    }
    if (seen === undefined || current.dataVersion !== seen.dataVersion || current.localChanges !== seen.localChanges) {
      generation += 1;
      seen = current;
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
