import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { DatabaseHandle } from './client.js';

// Resolved from this file so it works both from src/ (tsx) and from dist/ (compiled).
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export function applyMigrations(handle: DatabaseHandle): void {
  migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
}

let journal: { when: number }[] | undefined;

/** The migrations shipped with this build (they never change while it runs). */
function shippedMigrations(): { when: number }[] {
  journal ??= (JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: { when: number }[] }).entries;
  return journal;
}

/** How many shipped migrations the database has applied and how many it still lacks (0 = current). */
export function migrationState(sqlite: Database.Database): { applied: number; pending: number } {
  const shipped = shippedMigrations();
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!hasTable) return { applied: 0, pending: shipped.length };
  const row = sqlite.prepare('select count(*) as applied, max(created_at) as last from __drizzle_migrations').get() as {
    applied: number;
    last: number | null;
  };
  const pending = shipped.filter((entry) => row.last === null || entry.when > row.last).length;
  return { applied: row.applied, pending };
}
