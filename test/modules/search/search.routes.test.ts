import t from 'tap';
import { createArticle } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

t.test('search ranks published articles and highlights matches safely', async (t) => {
  const ctx = await buildTestApp(t);
  const titleHit = await createArticle(ctx, { status: 'published', title: 'CSTO summit in Moscow', body: 'Leaders met.' });
  const bodyHit = await createArticle(ctx, { status: 'published', title: 'Regional news', body: 'A short note: the <b>CSTO</b> & its council met.' });
  await createArticle(ctx, { status: 'draft', title: 'CSTO draft', body: 'Secret draft about the CSTO.' });
  await createArticle(ctx, { status: 'published', title: 'Unrelated', body: 'Football results.' });

  const res = await ctx.inject({ url: '/v1/search?q=csto' });
  t.equal(res.statusCode, 200);
  const hits = res.json().data;
  t.same(hits.map((h: { id: string }) => h.id), [titleHit.id, bodyHit.id], 'title match first; drafts never found');
  t.ok(hits[0].score > hits[1].score);
  const bodySnippet = hits[1].snippet as string;
  t.match(bodySnippet, /<mark>CSTO<\/mark>/);
  t.notMatch(bodySnippet, /<b>/, 'text from the article is escaped');
  t.match(bodySnippet, /&lt;b&gt;|&amp;/);
});

t.test('search pages with a cursor', async (t) => {
  const ctx = await buildTestApp(t);
  for (let i = 0; i < 5; i++) await createArticle(ctx, { status: 'published', title: `Armenia report ${i}`, body: 'Armenia '.repeat(i + 1) });
  const seen: string[] = [];
  let url = '/v1/search?q=armenia&limit=2';
  for (let guard = 0; guard < 5 && url; guard++) {
    const res = await ctx.inject({ url });
    seen.push(...res.json().data.map((h: { id: string }) => h.id));
    const cursor = res.json().next_cursor;
    if (cursor) t.match(res.headers.link, /rel="next"/);
    url = cursor ? `/v1/search?q=armenia&limit=2&cursor=${cursor}` : '';
  }
  t.equal(seen.length, 5);
  t.equal(new Set(seen).size, 5, 'no hit repeated across pages');
});

t.test('hostile queries are searched or refused with a 400, never a 500', async (t) => {
  const ctx = await buildTestApp(t);
  await createArticle(ctx, { status: 'published', title: 'War and peace', body: 'NEAR the border "quoted"' });
  for (const q of ['"', 'war AND', 'NEAR(', '*', 'a OR', '(', 'title:war', "'; DROP TABLE articles; --", 'war*', '"war and"', '\u202eevil', '🙂']) {
    const res = await ctx.inject({ url: `/v1/search?q=${encodeURIComponent(q)}` });
    t.ok(res.statusCode === 200 || res.statusCode === 400, `${JSON.stringify(q)} → ${res.statusCode}`);
    if (res.statusCode === 400) t.match(res.json(), { code: 'validation-error', errors: [{ field: 'q' }] });
  }
  t.equal((await ctx.inject({ url: '/v1/search?q=war%20OR%20nothing' })).json().data.length, 0, 'OR is a word that must match, not an operator');
  t.equal((await ctx.inject({ url: '/v1/search?q=%22war%20and%22' })).json().data.length, 1, 'phrase search');
  t.equal((await ctx.inject({ url: '/v1/search' })).statusCode, 400, 'q is required');
  t.equal((await ctx.inject({ url: '/v1/search?q=x&cursor=bad' })).statusCode, 400);
});

t.test('the first page carries entity facets; an entity narrows the hits', async (t) => {
  const ctx = await buildTestApp(t);
  const entity = async (name: string, type: string) =>
    (await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name, type } })).json();
  const armenia = await entity('Armenia', 'place');
  await entity('Russia', 'place');
  const base = { standfirst: null, dateline: null, status: 'published' };
  const both = await createArticle(ctx, { ...base, title: 'Summit talks', body: 'Armenia and Russia held summit talks.' });
  await createArticle(ctx, { ...base, title: 'More summit talks', body: 'Russia hosted summit talks.' });
  await createArticle(ctx, { ...base, title: 'Summit recap', body: 'Russia summarised the summit.' });

  const first = (await ctx.inject({ url: '/v1/search?q=summit&limit=1' })).json();
  const facets = first.facets.entities as { name: string; count: number; slug: string }[];
  t.match(facets[0], { name: 'Russia', count: 3, type: 'place' }, 'counted over all the hits, not only this page');
  t.match(facets.find((f) => f.name === 'Armenia'), { count: 1, slug: armenia.slug });
  const second = (await ctx.inject({ url: `/v1/search?q=summit&limit=1&cursor=${first.next_cursor}` })).json();
  t.notOk('facets' in second, 'later pages leave them out');

  const narrowed = (await ctx.inject({ url: `/v1/search?q=summit&entity=${armenia.slug}` })).json();
  t.same(narrowed.data.map((h: { id: string }) => h.id), [both.id]);
  t.equal((await ctx.inject({ url: '/v1/search?q=summit&entity=nobody' })).statusCode, 404);
});
