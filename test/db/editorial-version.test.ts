import t from 'tap';
import type { DatabaseHandle } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { createChangesService } from '../../src/modules/changes/changes.service.js';
import { databaseBefore } from './database-before.js';

const versions = (handle: DatabaseHandle) =>
  handle.sqlite
    .prepare('select version, modified_at as modified, editorial_version as editorial, editorial_modified_at as editorialModified from content_version')
    .get();

t.test('upgrading starts the editorial version where the content version stands; comment counts move only the content version', async (t) => {
  const handle = databaseBefore(t, /editorial_version/);
  handle.sqlite.prepare('update content_version set version = 41, modified_at = 1764320000000').run();

  applyMigrations(handle);
  t.same(versions(handle), { version: 41, modified: 1764320000000, editorial: 41, editorialModified: 1764320000000 });

  handle.sqlite
    .prepare(`insert into articles (id, slug, title, body, body_html, body_text, authors, tags, language, status, published_at,
      created_at, updated_at, revision, comments_mode) values ('01890a5d-ac96-774b-bcce-b302099a8001', 'a', 't', '', '', '', '[]', '[]',
      'en', 'published', 1, 1, 1, 1, 'open')`)
    .run();
  handle.sqlite.prepare('update articles set comment_count = 1').run();
  t.match(versions(handle), { version: 42, editorial: 41, editorialModified: 1764320000000 }, 'an approved comment moves the content version alone');

  createChangesService({ database: handle, clock: () => 1800000000000 }).touch(1800000000000);
  t.same(versions(handle), { version: 43, modified: 1800000000000, editorial: 42, editorialModified: 1800000000000 }, 'an editorial write moves both');
});
