import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { storeViolations } from './invariants.js';
import { api, startServer } from './server-process.js';
import { driveWrites, newAcknowledged } from './write-load.js';

// Several runs over one database file, each killed with SIGKILL once this many more writes
// were acknowledged, while the other clients still have requests in flight.
const KILL_AFTER_ACKNOWLEDGED = [1, 20, 50];
const CLIENTS = 8;

t.setTimeout(5 * 60_000);

t.test('a server killed with SIGKILL mid-stream keeps every acknowledged write and nothing half-written', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const databasePath = join(dir, 'dateline.db');
  const ack = newAcknowledged();

  let token = '';

  for (const [run, killAfter] of KILL_AFTER_ACKNOWLEDGED.entries()) {
    const server = await startServer(databasePath);
    t.teardown(() => server.crash());
    t.equal((await api(server.url, 'GET', '/health/ready')).status, 200, `run ${run + 1}: the server is ready`);
    if (run === 0) token = await setUp(t, server.url);
    else await checkAcknowledged(t, server.url, ack, `after kill ${run}`);

    const target = ack.count + killAfter;
    let killed: Promise<void> | undefined;
    await driveWrites(server.url, token, ack, CLIENTS, () => {
      if (ack.count >= target) killed ??= server.crash();
      return killed !== undefined;
    });
    await killed;
    t.same(ack.unexpected, [], `run ${run + 1}: every write was acknowledged until the kill`);
    t.ok(ack.count >= target, `run ${run + 1}: killed after ${ack.count} acknowledged writes in all`);
  }

  const last = await startServer(databasePath);
  t.teardown(() => last.crash());
  await checkAcknowledged(t, last.url, ack, 'after the last kill');
  t.equal(await last.stop(), 0, 'the last server stops cleanly');

  const sqlite = new Database(databasePath, { readonly: true });
  t.teardown(() => sqlite.close());
  t.same(storeViolations(sqlite), [], 'integrity_check ok, foreign keys hold, every article has its revisions, change log and index entry');
  const unlinked = sqlite.prepare(`select a.id from articles a where not exists (select 1 from mentions m where m.article_seq = a.seq and m.linked = 1)`).all();
  t.same(unlinked, [], 'every stored article has its entity links');
  const comment = sqlite.prepare('select c.body, a.id as article from comments c join articles a on a.seq = c.article_seq where c.id = ?');
  const missing = [...ack.comments].filter(([id, { articleId, body }]) => {
    const row = comment.get(id) as { body: string; article: string } | undefined;
    return row?.body !== body || row.article !== articleId;
  });
  t.same(missing, [], `all ${ack.comments.size} acknowledged comments are stored as acknowledged`);
  t.comment(`survived ${KILL_AFTER_ACKNOWLEDGED.length} kill points: ${ack.articles.size} articles, ${ack.comments.size} comments, ${ack.count} acknowledged writes`);
});

/** A known entity for the articles to name, and a reader to comment; returns the reader's token. */
async function setUp(t: Test, base: string): Promise<string> {
  const entity = await api(base, 'POST', '/v1/entities', { name: 'Collective Security Treaty Organization', type: 'organization', aliases: ['CSTO'] });
  t.equal(entity.status, 201, 'the entity the articles name is created');
  const reader = await api(base, 'POST', '/v1/readers', { display_name: 'Crash reader', email: 'crash@example.org' });
  t.equal(reader.status, 201, 'the commenting reader is created');
  return reader.json().token;
}

/** Every acknowledged article reads back as acknowledged, or later: a write may commit just before its answer is lost. */
async function checkAcknowledged(t: Test, base: string, ack: ReturnType<typeof newAcknowledged>, when: string) {
  const wrong: string[] = [];
  for (const [id, expected] of ack.articles) {
    const res = await api(base, 'GET', `/v1/articles/${id}`);
    if (res.status !== 200) {
      wrong.push(`${id}: ${res.status}`);
      continue;
    }
    const article = res.json();
    if (article.title !== expected.title) wrong.push(`${id}: title ${article.title}`);
    if (article.revision < expected.revision) wrong.push(`${id}: revision ${article.revision} < acknowledged ${expected.revision}`);
    if (article.revision === expected.revision && article.standfirst !== expected.standfirst) wrong.push(`${id}: standfirst ${article.standfirst}`);
  }
  t.same(wrong, [], `${when}: all ${ack.articles.size} acknowledged articles read back intact`);
}
