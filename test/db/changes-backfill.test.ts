import t from 'tap';
import { applyMigrations } from '../../src/db/migrate.js';
import { databaseBefore } from './database-before.js';

t.test('upgrading a database with articles logs each as created and schedules pending go-lives', async (t) => {
  // The database as it was before the change log.
  const handle = databaseBefore(t, /changes/);
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
