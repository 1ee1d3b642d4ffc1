import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { createGeneration, keptWhileUnchanged, OTHER_PROCESS_CHECK_MS } from '../../src/db/generation.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { otherProcessCommitsShow } from '../helper.js';

function fileDatabase(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-generation-'));
  const path = join(dir, 'dateline.db');
  const database = openDatabase(path);
  applyMigrations(database);
  const other = openDatabase(path);
  t.teardown(() => {
    other.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { database, other };
}

const bump = 'update content_version set version = version + 1 where id = 1';

t.test('the generation stays while nothing commits and moves on any commit, in any connection', async (t) => {
  const { database, other } = fileDatabase(t);
  let now = 0;
  const generation = createGeneration(database.sqlite, () => now);
  const start = generation();
  t.type(start, 'number');
  t.equal(generation(), start, 'reads alone do not move it');
  database.sqlite.prepare('select count(*) from articles').get();
  t.equal(generation(), start);

  database.sqlite.prepare(bump).run();
  const afterOwn = generation();
  t.not(afterOwn, start, "this connection's write moves it at once");

  other.sqlite.prepare(bump).run();
  t.equal(generation(), afterOwn, "another connection's commit is asked about at most once a window");
  now += OTHER_PROCESS_CHECK_MS;
  const afterOther = generation();
  t.not(afterOther, afterOwn, "another connection's commit moves it once the window has passed");
  now += OTHER_PROCESS_CHECK_MS;
  t.equal(generation(), afterOther, 'and only once');

  database.sqlite.transaction(() => {
    t.equal(generation(), null, 'inside a transaction there is none: its writes may roll back');
  })();
});

t.test('values kept while unchanged are read again after a commit, and at most `limit` are kept', async (t) => {
  const { database, other } = fileDatabase(t);
  const kept = keptWhileUnchanged<number>(database.generation, 2);
  const version = database.sqlite.prepare('select version from content_version where id = 1').pluck();
  let reads = 0;
  const read = () => {
    reads += 1;
    return version.get() as number;
  };

  t.equal(kept('a', read), 0);
  t.equal(kept('a', read), 0);
  t.equal(reads, 1, 'read once while nothing commits');

  other.sqlite.prepare(bump).run();
  await otherProcessCommitsShow();
  t.equal(kept('a', read), 1, 'read again after another connection commits');
  t.equal(reads, 2);

  kept('b', read);
  kept('c', read);
  t.equal(reads, 4);
  kept('a', read);
  t.equal(reads, 5, 'the oldest key was dropped for the third');
  kept('c', read);
  t.equal(reads, 5, 'the newest are still kept');

  database.sqlite.transaction(() => {
    kept('c', read);
    kept('c', read);
  })();
  t.equal(reads, 7, 'inside a transaction every call reads');
});
