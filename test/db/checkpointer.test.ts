import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { startCheckpointer } from '../../src/db/checkpointer.js';
import { openDatabase } from '../../src/db/client.js';

function tempPath(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-checkpoint-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'dateline.db');
}

async function until(condition: () => boolean): Promise<boolean> {
  for (let tries = 0; tries < 200; tries++) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

function writeRows(sqlite: Database.Database, rows: number): void {
  sqlite.exec('create table if not exists notes (body text not null)');
  const insert = sqlite.prepare('insert into notes (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`note ${i} `.repeat(50));
  })();
}

t.test('the server connection leaves checkpoints to a background worker', async (t) => {
  const path = tempPath(t);
  const database = openDatabase(path, { backgroundCheckpoints: true });
  t.teardown(() => database.close());
  t.equal(database.sqlite.pragma('wal_autocheckpoint', { simple: true }), 16_000, 'its own threshold is only a fallback');

  const before = statSync(path).size;
  // A dozen pages: far below the request connection's threshold, so only the worker copies them.
  writeRows(database.sqlite, 100);
  t.ok(
    await until(() => statSync(path).size > before),
    'the committed pages reach the database file without another write',
  );
});

t.test('closing stops the worker, then checkpoints and removes the WAL', async (t) => {
  const path = tempPath(t);
  const database = openDatabase(path, { backgroundCheckpoints: true });
  writeRows(database.sqlite, 300);
  database.close();
  t.notOk(existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0, 'no WAL left behind');
  const reopened = new Database(path, { readonly: true });
  t.teardown(() => reopened.close());
  t.same(reopened.prepare('select count(*) as n from notes').get(), { n: 300 }, 'every row is in the file');
});

t.test('short-lived callers keep SQLite checkpointing as usual', async (t) => {
  const database = openDatabase(tempPath(t));
  t.teardown(() => database.close());
  t.equal(database.sqlite.pragma('wal_autocheckpoint', { simple: true }), 1_000);
});

t.test('a worker that cannot open the database hands checkpoints back to the connection', async (t) => {
  const sqlite = new Database(':memory:');
  t.teardown(() => sqlite.close());
  const checkpointer = startCheckpointer(sqlite, join(tempPath(t), 'missing', 'dateline.db'));
  t.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 16_000);
  t.ok(await until(() => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1_000), 'SQLite default restored');
  checkpointer.stop();
  t.pass('stopping a failed worker returns at once');
});
