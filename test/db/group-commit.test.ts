import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openDatabase, writeTransaction } from '../../src/db/client.js';
import { createGroupCommit } from '../../src/db/group-commit.js';

function scratch(t: { teardown(fn: () => unknown): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-group-'));
  const path = join(dir, 'scratch.db');
  const database = openDatabase(path);
  const observer = openDatabase(path);
  t.teardown(() => {
    database.close();
    observer.close();
    rmSync(dir, { recursive: true, force: true });
  });
  database.sqlite.exec('create table notes (text text not null)');
  const insert = (text: string) => () => writeTransaction(database, () => database.sqlite.prepare('insert into notes (text) values (?)').run(text).changes);
  const committed = () => observer.sqlite.prepare('select text from notes order by rowid').pluck().all();
  return { database, insert, committed };
}

t.test('writes queued together commit once, together, and are answered after the commit', async (t) => {
  const { database, insert, committed } = scratch(t);
  const group = createGroupCommit(database);
  const seenByOthers: unknown[][] = [];
  const answers = await Promise.all([
    group.run(insert('first')),
    group.run(() => {
      seenByOthers.push(committed());
      return insert('second')();
    }),
    group.run(insert('third')),
  ]);
  t.same(answers, [1, 1, 1], 'each write resolves with its own result');
  t.same(seenByOthers, [[]], 'inside the group, another connection sees nothing yet: one transaction');
  t.same(committed(), ['first', 'second', 'third'], 'after the answers, all three are committed, in order');
});

t.test('a write that throws is rolled back alone; the others in its group commit', async (t) => {
  const { database, insert, committed } = scratch(t);
  const group = createGroupCommit(database);
  const failing = () =>
    writeTransaction(database, () => {
      insert('half-written')();
      throw new Error('duplicate');
    });
  const outcomes = await Promise.allSettled([group.run(insert('kept 1')), group.run(failing), group.run(insert('kept 2'))]);
  t.same(
    outcomes.map((o) => o.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  t.match((outcomes[1] as PromiseRejectedResult).reason, { message: 'duplicate' }, 'the failing write gets its own error');
  t.same(committed(), ['kept 1', 'kept 2'], 'nothing of the failed write is stored');
});

t.test('a write alone is committed before it is answered, and groups follow one another', async (t) => {
  const { database, insert, committed } = scratch(t);
  const group = createGroupCommit(database);
  await group.run(insert('alone'));
  t.same(committed(), ['alone']);
  await group.run(insert('later'));
  t.same(committed(), ['alone', 'later']);
});
