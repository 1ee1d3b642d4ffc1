import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { inlineConstant, inlineCount } from '../../src/db/inline.js';
import { createArticle, createReader, postComment } from '../factories.js';
import { buildTestApp, testClock } from '../helper.js';
import { captureQueries } from '../query-plans.js';

const csto = readFileSync(new URL('../fixtures/csto-summit.txt', import.meta.url), 'utf8');

/** `"table"."column"` of each column a partial index's WHERE compares with a constant. */
function partialIndexColumns(database: ReturnType<typeof openDatabase>): string[] {
  const indexes = database.sqlite.prepare("select tbl_name as tbl, sql from sqlite_master where type = 'index' and sql like '% WHERE %'").all() as { tbl: string; sql: string }[];
  const columns = indexes.flatMap(({ tbl, sql }) => [...sql.slice(sql.indexOf(' WHERE ')).matchAll(/(\w+)\s*(?:=|<>|!=)/g)].map((m) => `"${tbl}"."${m[1]}"`));
  return [...new Set(columns)];
}

t.test('no statement binds a value SQLite compiles it with, so none is compiled again on each run', async (t) => {
  const clock = testClock();
  const database = openDatabase(':memory:');
  // The app is built inside the capture: the statements the services prepare at start are the hot ones.
  const queries = await captureQueries(database, async () => {
    const app = await buildTestApp(t, { clock, database, env: { COMMENTS_PER_MINUTE: '1000' } });
    for (const name of ['Armenia', 'Russia']) {
      await app.inject({ method: 'POST', url: '/v1/entities', headers: app.admin, payload: { name, type: 'place' } });
    }
    const articles = [];
    for (let i = 0; i < 6; i++) articles.push(await createArticle(app, { status: 'published', body: 'Armenia and Russia met.', tags: ['summit'], section: 'World' }));
    const article = articles[0]!;
    const readers = [await createReader(app), await createReader(app)];
    const root = await postComment(app, readers[0]!, article.id);
    await postComment(app, readers[1]!, article.id, { parent_id: root.id });
    const moderator = await app.keyFor('moderator');
    const requests = [
      { url: '/v1/articles' },
      { url: '/v1/articles?limit=2' },
      { url: '/v1/articles?section=world&tag=summit&entity=armenia' },
      { url: `/v1/articles/${article.slug}?include=entities` },
      { url: `/v1/articles/${article.id}/revisions`, headers: app.admin },
      { url: '/v1/entities' },
      { url: '/v1/entities/armenia' },
      { url: '/v1/entities/armenia/articles' },
      { url: `/v1/articles/${article.id}/entities` },
      { url: '/v1/search?q=armenia' },
      { url: '/feeds/articles.json' },
      { url: '/feeds/sections/world/articles.rss' },
      { url: '/feeds/tags/summit/articles.atom' },
      { url: '/feeds/entities/armenia/articles.json' },
      { url: '/v1/changes' },
      { url: '/v1/keys', headers: app.admin },
      { url: `/v1/articles/${article.id}/comments` },
      { url: `/v1/articles/${article.id}/comments?view=thread&order=newest&limit=5` },
      { url: `/v1/articles/${article.id}/comments?thread=${root.id}` },
      { method: 'POST' as const, url: `/v1/articles/${article.id}/comments`, headers: readers[1]!.headers, payload: { body: 'One more remark.' } },
      { method: 'POST' as const, url: `/v1/comments/${root.id}/flags`, headers: readers[1]!.headers, payload: { reason: 'spam' } },
      { url: '/v1/moderation/comments', headers: moderator },
      { url: '/v1/moderation/log', headers: moderator },
      { method: 'POST' as const, url: '/v1/articles/import?publish=true', headers: { ...app.admin, 'content-type': 'text/plain; charset=utf-8' }, payload: csto },
    ];
    for (const request of requests) {
      const res = await app.inject(request);
      t.ok(res.statusCode < 300, `${request.url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
  });

  const columns = partialIndexColumns(database);
  t.same(columns.sort(), ['"comments"."status"', '"mentions"."linked"'], 'the partial indexes filter on these');
  const statements = [...new Set(queries.map((q) => q.sql))];
  t.ok(statements.length > 40, `${statements.length} distinct statements`);
  const boundCount = /\b(limit|offset)\s+\?/i;
  const boundFilter = new RegExp(`(${columns.join('|')})\\s*(=|<>|!=|in)\\s*\\(?\\?`, 'i');
  t.same(
    statements.filter((sql) => boundCount.test(sql)),
    [],
    'LIMIT and OFFSET are in the text',
  );
  t.same(
    statements.filter((sql) => boundFilter.test(sql)),
    [],
    `constants compared with ${columns.join(', ')} are in the text`,
  );
});

t.test('inlined values are written safely, or refused', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.same(db.get(sql`select ${inlineConstant("it's")} as v, ${inlineConstant(true)} as yes, ${inlineConstant(false)} as no`), { v: "it's", yes: 1, no: 0 });
  t.same(db.all(sql`select value from json_each('[1,2,3]') limit ${inlineCount(2)}`), [{ value: 1 }, { value: 2 }]);
  t.same(db.all(sql`select 1 as n limit ${inlineCount(0)}`), [], 'a count of 0 is a count');
  for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
    t.throws(() => inlineCount(bad), RangeError, `${bad} is refused`);
  }
  close();
});
