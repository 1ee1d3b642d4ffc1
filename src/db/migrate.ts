import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { DatabaseHandle } from './client.js';

// Resolved from this file so it works both from src/ (tsx) and from dist/ (compiled).
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export function applyMigrations(handle: DatabaseHandle): void {
  migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** Migrations shipped with this build that the database has not applied yet (0 = current). */
export function pendingMigrationCount(handle: DatabaseHandle): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { when: number }[];
  };
  const hasTable = handle.sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal.entries.length;
  const row = handle.sqlite.prepare('select max(created_at) as last from __drizzle_migrations').get() as {
    last: number | null;
  };
  return journal.entries.filter((entry) => row.last === null || entry.when > row.last).length;
}
