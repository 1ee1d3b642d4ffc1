import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import t from 'tap';
import { openDatabase, writeTransaction } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { contentVersion } from '../../src/db/schema.js';

t.test('drizzle reuses compiled statements instead of compiling each query again', async (t) => {
  const database = openDatabase(':memory:');
  t.teardown(() => database.close());
  applyMigrations(database);
  const compiled: string[] = [];
  const prepare = database.sqlite.prepare.bind(database.sqlite);
  database.sqlite.prepare = ((source: string) => {
    compiled.push(source);
    return prepare(source);
  }) as typeof database.sqlite.prepare;

  const read = () => database.db.select({ version: contentVersion.version }).from(contentVersion).where(eq(contentVersion.id, 1)).get();
  t.same([read(), read(), read()], [{ version: 0 }, { version: 0 }, { version: 0 }], 'each run answers');
  t.equal(compiled.filter((source) => /content_version/.test(source)).length, 1, 'compiled once');
});

t.test('a kept statement left in raw mode answers objects to the next caller', async (t) => {
  const database = openDatabase(':memory:');
  t.teardown(() => database.close());
  // The connection as drizzle holds it (drizzle() returns it as $client; the Db type omits it).
  const client = (database.db as unknown as { $client: typeof database.sqlite }).$client;
  t.same(client.prepare('select 1 as one').raw(true).get(), [1], 'one caller asks for raw rows');
  t.same(client.prepare('select 1 as one').get(), { one: 1 }, 'the next gets the default shape');
});

t.test('writeTransaction commits its work or none of it, and nests as a savepoint', async (t) => {
  const [one, two] = [openDatabase(':memory:'), openDatabase(':memory:')];
  t.teardown(() => [one, two].forEach((database) => database.close()));
  for (const database of [one, two]) database.sqlite.exec('create table notes (text text not null)');
  const insert = (database: typeof one, text: string) => database.sqlite.prepare('insert into notes (text) values (?)').run(text);
  const notes = (database: typeof one) => database.sqlite.prepare('select text from notes order by rowid').pluck().all();

  const failing = (text: string) => () => {
    insert(one, text);
    throw new Error(`${text} fails`);
  };
  t.equal(
    writeTransaction(one, () => {
      insert(one, 'a');
      return 'answer';
    }),
    'answer',
    'the work answers',
  );
  t.throws(() => writeTransaction(one, failing('lost')), { message: 'lost fails' });
  writeTransaction(one, () => {
    insert(one, 'outer');
    t.throws(() => writeTransaction(one, failing('inner')), { message: 'inner fails' });
    t.ok(one.sqlite.inTransaction, 'the outer transaction goes on');
  });
  writeTransaction(two, () => insert(two, 'own connection'));
  t.same(notes(one), ['a', 'outer'], 'the failed work left nothing, the inner failure only its own rows');
  t.same(notes(two), ['own connection'], 'each connection writes in its own transaction');
});

t.test('a connection keeps its temporary files (statement journals, sorts) in memory', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-client-'));
  const database = openDatabase(join(dir, 'scratch.db'));
  t.teardown(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  t.equal(database.sqlite.pragma('temp_store', { simple: true }), 2, 'MEMORY');
  t.equal(database.sqlite.pragma('journal_mode', { simple: true }), 'wal');
});
