import Database from 'better-sqlite3';
import type { DatabaseHandle } from '../../db/client.js';
import { migrationState } from '../../db/migrate.js';

export interface Readiness {
  ok: boolean;
  /** Each check and its state: "ok", or why not. */
  checks: Record<string, string>;
}

// better-sqlite3 waits for a lock synchronously, holding the event loop: a probe gives up soon.
const PROBE_LOCK_WAIT_MS = 250;

const SQLITE_STATES: Record<string, string> = { SQLITE_BUSY: 'locked', SQLITE_LOCKED: 'locked', SQLITE_CANTOPEN: 'missing' };

const stateOf = (error: unknown): string =>
  SQLITE_STATES[(error as { code?: string }).code ?? ''] ?? 'unreachable';

/**
 * Whether the database can serve: its file is there, another connection (the app's own waits
 * up to its busy timeout) can take the write lock within a short wait, and every migration
 * shipped with this build is applied. A database locked by another process answers "locked"
 * quickly instead of holding the probe.
 */
export function checkReadiness(database: DatabaseHandle): Readiness {
  const main = database.sqlite;
  if (!main.open) return { ok: false, checks: { database: 'unreachable' } };
  let probe: Database.Database;
  try {
    probe = main.memory ? main : new Database(main.name, { fileMustExist: true, timeout: PROBE_LOCK_WAIT_MS });
  } catch (error) {
    return { ok: false, checks: { database: stateOf(error) } };
  }
  try {
    probe.prepare('select count(*) from sqlite_master').get();
    if (!main.memory) probe.exec('begin immediate; rollback');
    const { pending } = migrationState(probe);
    return { ok: pending === 0, checks: { database: 'ok', migrations: pending === 0 ? 'ok' : `${pending} pending` } };
  } catch (error) {
    return { ok: false, checks: { database: stateOf(error) } };
  } finally {
    if (probe !== main) probe.close();
  }
}
