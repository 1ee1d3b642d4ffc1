import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { articleInput } from '../factories.js';
import { storeViolations } from './invariants.js';
import { api, startServer, type ServerProcess } from './server-process.js';

const WIRE_COPY = readFileSync(new URL('../fixtures/csto-summit.txt', import.meta.url), 'utf8');
const RACERS = 8;

t.setTimeout(5 * 60_000);

const statuses = (answers: { status: number }[]) => answers.map((answer) => answer.status).sort((a, b) => a - b);
const times = (status: number, n: number) => Array.from({ length: n }, () => status);

t.test('concurrent writers over HTTP, one process and then two on one WAL database', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-concurrency-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const databasePath = join(dir, 'dateline.db');
  const a = await startServer(databasePath);
  t.teardown(() => a.crash());

  t.test('PATCHes racing with the same If-Match: exactly one wins, the rest get 412', async (t) => {
    const created = await api(a.url, 'POST', '/v1/articles', articleInput({ status: 'published' }));
    const etag = created.headers.get('etag') as string;
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => api(a.url, 'PATCH', `/v1/articles/${created.json().id}`, { standfirst: `Racer ${i} was here` }, { 'if-match': etag })),
    );
    t.same(statuses(answers), [200, ...times(412, RACERS - 1)], 'one 200, the others 412');
    for (const lost of answers.filter((answer) => answer.status === 412)) {
      t.match(lost.headers.get('content-type'), /^application\/problem\+json/);
    }
    const winner = answers.find((answer) => answer.status === 200)?.json();
    const stored = (await api(a.url, 'GET', `/v1/articles/${created.json().id}`)).json();
    t.equal(stored.standfirst, winner.standfirst, "the stored article is the winner's");
    t.equal(stored.revision, created.json().revision + 1, 'one update, one revision');
    const revisions = (await api(a.url, 'GET', `/v1/articles/${created.json().id}/revisions`)).json();
    t.equal(revisions.data.length, 1, 'the replaced version is kept once');
  });

  t.test('clients that retry on 412 lose no update', async (t) => {
    const created = (await api(a.url, 'POST', '/v1/articles', articleInput({ tags: ['start'] }))).json();
    let refusals = 0;
    const addTag = async (tag: string) => {
      for (;;) {
        const current = await api(a.url, 'GET', `/v1/articles/${created.id}`);
        const tags = [...current.json().tags, tag];
        const res = await api(a.url, 'PATCH', `/v1/articles/${created.id}`, { tags }, { 'if-match': current.headers.get('etag') as string });
        if (res.status === 200) return;
        if (res.status !== 412) throw new Error(`unexpected ${res.status}: ${res.body}`);
        refusals += 1;
      }
    };
    const added = Array.from({ length: RACERS }, (_, i) => `writer-${i}`);
    await Promise.all(added.map(addTag));
    const stored = (await api(a.url, 'GET', `/v1/articles/${created.id}`)).json();
    t.same([...stored.tags].sort(), ['start', ...added].sort(), 'every writer’s tag is there');
    t.equal(stored.revision, created.revision + RACERS, 'one revision per update');
    t.comment(`${refusals} stale writes were refused with 412 and retried`);
  });

  t.test('imports racing with the same wire copy: one article, the rest 409', async (t) => {
    const answers = await Promise.all(Array.from({ length: RACERS }, () => api(a.url, 'POST', '/v1/articles/import', WIRE_COPY)));
    t.same(statuses(answers), [201, ...times(409, RACERS - 1)], 'one 201, the others 409');
    for (const lost of answers.filter((answer) => answer.status === 409)) {
      t.match(lost.json(), { status: 409 }, 'the conflict is a problem');
    }
    const { slug } = answers.find((answer) => answer.status === 201)?.json();
    const sqlite = new Database(databasePath, { readonly: true });
    t.teardown(() => sqlite.close());
    t.same(sqlite.prepare('select count(*) as n from articles where slug = ?').get(slug), { n: 1 }, 'one article with that slug is stored');
  });

  t.test('two server processes on one database file both serve and write', async (t) => {
    const b = await startServer(databasePath);
    t.teardown(() => b.crash());
    t.equal((await api(b.url, 'GET', '/health/ready')).status, 200, 'the second process is ready');

    const writes = await Promise.all(
      Array.from({ length: 2 * RACERS }, (_, i) => {
        const via = i % 2 === 0 ? a : b;
        return api(via.url, 'POST', '/v1/articles', articleInput({ status: 'published', title: `Two processes ${i} agree` })).then((res) => ({ res, via }));
      }),
    );
    t.same(statuses(writes.map(({ res }) => res)), times(201, 2 * RACERS), 'every create through either process succeeds');
    const readBack = await Promise.all(
      writes.map(({ res, via }) => {
        const other: ServerProcess = via === a ? b : a;
        return api(other.url, 'GET', `/v1/articles/${res.json().id}`).then((read) => read.status === 200 && read.json().title === res.json().title);
      }),
    );
    t.equal(readBack.filter(Boolean).length, writes.length, 'each article reads back through the other process');

    // Each process keeps the content version in memory between writes: a write through the
    // other process must still move it for the very next conditional GET.
    const listTag = (await api(a.url, 'GET', '/v1/articles')).headers.get('etag') as string;
    t.equal((await api(a.url, 'GET', '/v1/articles', undefined, { 'if-none-match': listTag })).status, 304, 'an unchanged list is not modified');
    t.equal((await api(b.url, 'POST', '/v1/articles', articleInput({ status: 'published', title: 'Written through the other process' }))).status, 201);
    const relisted = await api(a.url, 'GET', '/v1/articles', undefined, { 'if-none-match': listTag });
    t.equal(relisted.status, 200, "the other process's write is seen by the next conditional GET");
    t.not(relisted.headers.get('etag'), listTag, 'under a new tag');
    t.match(relisted.json().data[0], { title: 'Written through the other process' });

    const shared = (await api(a.url, 'POST', '/v1/articles', articleInput())).json();
    const etag = (await api(b.url, 'GET', `/v1/articles/${shared.id}`)).headers.get('etag') as string;
    const racing = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => api((i % 2 === 0 ? a : b).url, 'PATCH', `/v1/articles/${shared.id}`, { standfirst: `Process race ${i}` }, { 'if-match': etag })),
    );
    t.same(statuses(racing), [200, ...times(412, RACERS - 1)], 'the If-Match race across processes still has one winner');

    t.equal(await b.stop(), 0, 'the second process stops cleanly');
    t.equal(await a.stop(), 0, 'the first process stops cleanly');
    const sqlite = new Database(databasePath, { readonly: true });
    t.teardown(() => sqlite.close());
    t.same(storeViolations(sqlite), [], 'the database is intact and consistent');
  });
});
