import { readFileSync } from 'node:fs';
import t from 'tap';
import { buildTestApp } from '../../helper.js';

const csto = readFileSync(new URL('../../fixtures/csto-summit.txt', import.meta.url), 'utf8');
const importAs = (ctx: Awaited<ReturnType<typeof buildTestApp>>, text: string, query = '') =>
  ctx.inject({ method: 'POST', url: `/v1/articles/import${query}`, headers: { ...ctx.admin, 'content-type': 'text/plain; charset=utf-8' }, payload: text });

t.test('the CSTO wire story imports as a proper draft article', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await importAs(ctx, csto);
  t.equal(res.statusCode, 201);
  const article = res.json();
  t.equal(article.title, 'CSTO Summit Adopts Resolutions for Closer Cooperation');
  t.equal(article.standfirst, "Heads of CSTO member states meet in Moscow for a summit meeting of the CSTO's Collective Security Council");
  t.same(article.dateline, { place: 'Moscow', source: 'ITAR-TASS' });
  t.equal(article.status, 'draft');
  t.equal(article.slug, 'csto-summit-adopts-resolutions-for-closer-cooperation');
  t.match(article.body, /^The leaders of Collective Security Treaty Organization \(CSTO\) member countries/);
  t.match(article.body, /closer cooperation\.$/);
  t.equal(article.body.split('\n\n').length, 13, 'body paragraphs are kept');
  for (const furniture of ['Discussion Policy', 'Asbarez reserves', 'One Comment', 'MOSCOW (ITAR-TASS)']) {
    t.notOk(article.body.includes(furniture), `no "${furniture}" in the body`);
  }
  t.equal(article.body_html.split('<p>').length - 1, 13);
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).statusCode, 404, 'a draft until published');
});

t.test('?publish=true publishes at once; importing again is a 409', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await importAs(ctx, csto, '?publish=true&section=World');
  t.equal(res.statusCode, 201);
  t.equal(res.json().status, 'published');
  t.equal(res.json().section, 'World');
  t.equal((await ctx.inject({ url: `/v1/articles/${res.json().slug}` })).statusCode, 200);
  const again = await importAs(ctx, csto);
  t.equal(again.statusCode, 409);
  t.equal(again.json().code, 'slug-taken');
  const count = ctx.database.sqlite.prepare('select count(*) as n from articles').get() as { n: number };
  t.equal(count.n, 1);
});

t.test('other dateline styles', async (t) => {
  const ctx = await buildTestApp(t);
  const reuters = await importAs(ctx, 'Armenia holds vote\n\nYEREVAN (Reuters) - Armenians voted on Sunday.\n\nTurnout was high.');
  t.same(reuters.json().dateline, { place: 'Yerevan', source: 'Reuters' });
  t.equal(reuters.json().body, 'Armenians voted on Sunday.\n\nTurnout was high.');
  const ap = await importAs(ctx, 'Markets fall\n\nLONDON, March 3 (AP) — Shares fell sharply.');
  t.same(ap.json().dateline, { place: 'London', source: 'AP' });
});

t.test('copy that cannot be an article is a 400 naming the problem; nothing is stored', async (t) => {
  const ctx = await buildTestApp(t);
  for (const text of ['', '   \n\n  ', 'Only a headline']) {
    const res = await importAs(ctx, text);
    t.equal(res.statusCode, 400, JSON.stringify(text));
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    t.ok(res.json().errors?.[0]?.field, 'names the field');
  }
  const json = await ctx.inject({ method: 'POST', url: '/v1/articles/import', headers: ctx.admin, payload: { title: 'x' } });
  t.equal(json.statusCode, 415, 'JSON is not wire copy');
  t.equal((ctx.database.sqlite.prepare('select count(*) as n from articles').get() as { n: number }).n, 0);
});
