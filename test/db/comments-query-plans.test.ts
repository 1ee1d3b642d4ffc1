import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { createArticle, createReader, postComment } from '../factories.js';
import { buildTestApp, testClock, type TestApp } from '../helper.js';
import { captureQueries, FULL_WORK, queryPlan } from '../query-plans.js';

t.test('posting, flagging, public comment reads and the queue use indexes only', async (t) => {
  const clock = testClock();
  const database = openDatabase(':memory:');
  let ctx: TestApp | undefined;
  const urls: string[] = [];
  // Built inside the capture: the statements the services prepare at start are the hot ones.
  const queries = await captureQueries(database, async () => {
    const app = await buildTestApp(t, { clock, database, env: { COMMENTS_PER_MINUTE: '1000' } });
    ctx = app;
    const articles = [];
    for (let i = 0; i < 30; i++) articles.push(await createArticle(app, { status: i % 3 ? 'published' : 'draft' }));
    const [article, other] = articles.filter((a) => a.status === 'published');
    const readers = [await createReader(app), await createReader(app), await createReader(app)];
    const roots = [];
    for (let i = 0; i < 40; i++) {
      clock.advance(1000);
      const parent = i > 10 && i % 4 === 0 ? roots[i % roots.length] : undefined;
      const posted = await postComment(app, readers[i % 3]!, i % 2 ? other.id : article.id, parent && i % 2 === 0 ? { parent_id: parent.id } : {});
      if (posted.parent_id === null && i % 2 === 0) roots.push(posted);
    }
    database.sqlite.exec('analyze');
    const cursor = (await app.inject({ url: `/v1/articles/${article.id}/comments?limit=2` })).json().next_cursor;
    const moderator = await app.keyFor('moderator');
    const requests = [
      { url: `/v1/articles/${article.id}/comments` },
      { url: `/v1/articles/${article.slug}/comments?order=newest&cursor=${cursor}` },
      { url: `/v1/articles/${article.id}/comments?view=thread` },
      { url: `/v1/articles/${article.id}/comments?thread=${roots[0].id}` },
      { url: `/v1/comment-counts?article=${article.id}&article=${other.slug}` },
      { method: 'POST' as const, url: `/v1/articles/${article.id}/comments`, headers: readers[0]!.headers, payload: { body: 'One more remark.' } },
      { method: 'POST' as const, url: `/v1/articles/${article.id}/comments`, headers: readers[1]!.headers, payload: { body: 'A reply.', parent_id: roots[0].id } },
      { method: 'POST' as const, url: `/v1/comments/${roots[1].id}/flags`, headers: readers[1]!.headers, payload: { reason: 'spam' } },
      { url: '/v1/moderation/comments', headers: moderator },
    ];
    for (const request of requests) {
      const res = await app.inject(request);
      t.ok(res.statusCode < 300, `${request.url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
      urls.push(request.url);
    }
  });
  t.ok(ctx);
  const reads = [...new Map(queries.filter((q) => /^\s*select/i.test(q.sql) && /from "(comments|articles|readers|comment_flags)"/.test(q.sql)).map((q) => [q.sql, q])).values()];
  t.ok(reads.length > 10, `${reads.length} distinct reads`);
  for (const query of reads) {
    const plan = queryPlan(database, query);
    t.notOk(plan.some((step) => FULL_WORK.test(step)), `${query.sql.slice(0, 160)}: ${plan.join(' | ')}`);
  }
});
