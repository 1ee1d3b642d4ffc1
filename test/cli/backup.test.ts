import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { createServices } from '../../src/app.js';
import { openDatabase } from '../../src/db/client.js';
import { articleInput } from '../factories.js';
import { cliWorkspace } from './cli-helper.js';
import { CreateArticleBody } from '../../src/modules/articles/articles.schemas.js';

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

t.test('backup while another connection keeps writing: the copy is whole, consistent and self-contained', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  // A second connection stands in for the running server.
  const server = openDatabase(cli.databasePath);
  t.teardown(() => server.close());
  const { articles } = createServices(server, loadConfig({}));
  const write = () => articles.create(CreateArticleBody.parse(articleInput({ body: 'Paragraph. '.repeat(400) })), null);
  for (let i = 0; i < 150; i++) write();

  let writing = true;
  let written = 150;
  const writer = (async () => {
    while (writing) {
      write();
      written += 1;
      await nextTurn();
    }
  })();
  const target = join(cli.dir, 'backup.db');
  const result = await cli.run(['backup', target]);
  writing = false;
  await writer;

  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /^backed up .*dateline\.db to .*backup\.db \(\d+ bytes, integrity ok\)\n$/);
  t.ok(written > 150, 'writes went on during the backup');
  const copied = count(target);
  t.ok(copied >= 150 && copied <= written, `the copy holds a consistent snapshot (${copied} of ${written})`);
  const copy = new Database(target, { readonly: true });
  t.teardown(() => copy.close());
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  t.equal(copy.pragma('journal_mode', { simple: true }), 'delete', 'one file, no write-ahead log to carry along');
  t.notOk(existsSync(`${target}-wal`));
});

t.test('a backup restores: the server opens the copy and sees the data', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  await cli.run(['keys', 'create', '--role', 'editor', '--name', 'desk']);
  const target = join(cli.dir, 'restored.db');
  t.equal((await cli.run(['backup', target])).code, 0);
  const stats = await cli.run(['stats', '--json'], { env: { DATABASE_PATH: target } });
  t.match(JSON.parse(stats.stdout), { migrations: { pending: 0 }, counts: { api_keys: { editor: 1 } } });
});

t.test('backup refuses to overwrite without --force, and never overwrites the database itself', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const target = join(cli.dir, 'existing.db');
  writeFileSync(target, 'an older backup');
  const refused = await cli.run(['backup', target]);
  t.equal(refused.code, 2);
  t.match(refused.stderr, /existing\.db exists; pass --force to overwrite it/);
  t.equal((await cli.run(['backup', '--force', target])).code, 0);
  t.equal(count(target), 0);

  const itself = await cli.run(['backup', '--force', cli.databasePath]);
  t.equal(itself.code, 2);
  t.match(itself.stderr, /must not overwrite the database itself/);

  const nowhere = await cli.run(['backup', join(cli.dir, 'no/such/dir/x.db')]);
  t.equal(nowhere.code, 1);
  t.match(nowhere.stderr, /backup failed: Cannot save backup because the directory does not exist/);
});

t.test('on a terminal, the backup shows its progress', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const result = await cli.run(['backup', join(cli.dir, 'b.db')], { tty: true });
  t.equal(result.code, 0);
  t.match(result.stderr, /backing up \[[█░]+\] 100%/);
});
