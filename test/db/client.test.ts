import { eq } from 'drizzle-orm';
import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
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
