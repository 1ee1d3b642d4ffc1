import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { applyMigrations, MIGRATIONS_FOLDER } from '../../src/db/migrate.js';

t.test('upgrading a database with articles logs each as created and schedules pending go-lives', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-backfill-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const before = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  // The database as it was before the change log: every migration up to the first one of it.
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry: { tag: string }) => /changes/.test(entry.tag)));
  writeFileSync(journalPath, JSON.stringify(journal));

  const handle = openDatabase(join(dir, 'old.db'));
  t.teardown(() => handle.close());
  migrate(handle.db, { migrationsFolder: before });
  const insert = handle.sqlite.prepare(`insert into articles (id, slug, title, body, body_html, body_text, authors, tags, language,
    status, published_at, created_at, updated_at, revision, comments_mode) values (?, ?, 't', '', '', '', '[]', '[]', 'en', ?, ?, ?, ?, 1, 'open')`);
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  insert.run('01890a5d-ac96-774b-bcce-b302099a8001', 'live', 'published', now - day, now - 2 * day, now - day);
  insert.run('01890a5d-ac96-774b-bcce-b302099a8002', 'draft', 'draft', null, now - day, now - day);
  insert.run('01890a5d-ac96-774b-bcce-b302099a8003', 'later', 'published', now + day, now - day, now - day);

  applyMigrations(handle);
  const logged = handle.sqlite.prepare('select slug, kind, is_public as public from changes order by seq').all();
  t.same(logged, [
    { slug: 'live', kind: 'create', public: 1 },
    { slug: 'draft', kind: 'create', public: 0 },
    { slug: 'later', kind: 'create', public: 0 },
  ]);
  t.same(handle.sqlite.prepare('select due_at as due from scheduled_go_lives').all(), [{ due: now + day }]);
  t.same(handle.sqlite.prepare('select version, modified_at as modified from content_version').get(), { version: 3, modified: now - day });
});
