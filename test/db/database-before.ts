import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { MIGRATIONS_FOLDER } from '../../src/db/migrate.js';

/**
 * A database as it was before the first migration whose tag matches `tag`, for tests of what
 * upgrading does to existing rows. Closed and removed when the test ends.
 */
export function databaseBefore(t: { teardown(fn: () => void): void }, tag: RegExp): DatabaseHandle {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-upgrade-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry: { tag: string }) => tag.test(entry.tag)));
  writeFileSync(journalPath, JSON.stringify(journal));
  const handle = openDatabase(join(dir, 'old.db'));
  t.teardown(() => handle.close());
  migrate(handle.db, { migrationsFolder: folder });
  return handle;
}
