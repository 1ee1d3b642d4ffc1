import t from 'tap';
import { createArticle } from '../../factories.js';
import { buildTestApp, testClock, type TestApp } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';

async function createEntity(ctx: TestApp, body: Record<string, unknown>) {
  const res = await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: body });
  if (res.statusCode !== 201) throw new Error(`entity create failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

const namesOf = (list: { name: string }[]) => list.map((e) => e.name).sort();

/** An article whose only proper nouns are in `body`, so the entities found are the test's own. */
function story(ctx: TestApp, body: string, overrides: Record<string, unknown> = {}) {
  return createArticle(ctx, { title: 'Leaders meet again', standfirst: null, dateline: null, body, ...overrides });
}

t.test('a known entity is linked when an article names it or its alias', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const csto = await createEntity(ctx, { name: 'Collective Security Treaty Organization', type: 'organization', aliases: ['CSTO'], wikidata_qid: 'Q189076' });
  t.match(csto, { slug: 'collective-security-treaty-organization', aliases: ['CSTO'], article_count: 0, first_seen_at: null });

  const article = await createArticle(ctx, {
    status: 'published',
    published_at: '2026-11-01T10:00:00Z',
    title: 'CSTO leaders meet',
    body: 'The CSTO met. Later the CSTO adopted documents.',
  });
  const links = await ctx.inject({ url: `/v1/articles/${article.id}/entities` });
  t.equal(links.statusCode, 200);
  const link = links.json().data.find((e: { id: string }) => e.id === csto.id);
  t.ok(link, 'the entity is linked');
  t.ok(link.mention_count >= 3, 'headline and body mentions are counted');
  t.equal(link.origin, 'auto');
  t.ok(link.salience > 0 && link.salience <= 1);

  const entity = (await ctx.inject({ url: `/v1/entities/${csto.slug}` })).json();
  t.equal(entity.article_count, 1);
  t.equal(entity.first_seen_at, '2026-11-01T10:00:00.000Z');
  t.equal(entity.last_seen_at, '2026-11-01T10:00:00.000Z');

  const embedded = (await ctx.inject({ url: `/v1/articles/${article.id}?include=entities` })).json();
  t.ok(embedded.entities.some((e: { id: string }) => e.id === csto.id), '?include=entities embeds them');
  const listed = (await ctx.inject({ url: '/v1/articles?include=entities' })).json();
  t.ok(listed.data[0].entities.some((e: { id: string }) => e.id === csto.id), 'lists embed them too');
  t.notOk('entities' in (await ctx.inject({ url: `/v1/articles/${article.id}` })).json(), 'not embedded unless asked');
});

t.test('article counts follow publication, unpublication and deletion', async (t) => {
  const ctx = await buildTestApp(t);
  const armenia = await createEntity(ctx, { name: 'Armenia', type: 'place' });
  const count = async () => (await ctx.inject({ url: `/v1/entities/${armenia.id}` })).json().article_count;
  const draft = await story(ctx, 'Armenia voted.');
  t.equal(await count(), 0, 'drafts do not count');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${draft.id}`, headers: ctx.admin, payload: { status: 'published' } });
  t.equal(await count(), 1);
  const other = await story(ctx, 'More on Armenia.', { status: 'published' });
  t.equal(await count(), 2);
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${draft.id}`, headers: ctx.admin, payload: { status: 'archived' } });
  t.equal(await count(), 1, 'unpublishing takes it off');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${other.id}`, headers: ctx.admin, payload: { body: 'Nothing about that country.', title: 'Elsewhere' } });
  t.equal(await count(), 0, 'an edit that drops the mention unlinks it');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${other.id}`, headers: ctx.admin, payload: { body: 'Back to Armenia.' } });
  t.equal(await count(), 1);
  await ctx.inject({ method: 'DELETE', url: `/v1/articles/${other.id}`, headers: ctx.admin });
  t.equal(await count(), 0, 'deleting the article takes it off');
});

t.test('editor pins and removals survive re-extraction', async (t) => {
  const ctx = await buildTestApp(t);
  const moscow = await createEntity(ctx, { name: 'Moscow', type: 'place' });
  const kremlin = await createEntity(ctx, { name: 'Kremlin', type: 'organization' });
  const article = await story(ctx, 'Leaders met in Moscow.', { status: 'published' });
  const ids = async () => (await ctx.inject({ url: `/v1/articles/${article.id}/entities` })).json().data.map((e: { id: string }) => e.id);
  t.same(await ids(), [moscow.id]);

  const pinned = await ctx.inject({ method: 'PUT', url: `/v1/articles/${article.id}/entities/${kremlin.slug}`, headers: ctx.admin });
  t.equal(pinned.statusCode, 200);
  t.ok(pinned.json().data.some((e: { id: string; origin: string }) => e.id === kremlin.id && e.origin === 'editor'));
  const removed = await ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}/entities/${moscow.id}`, headers: ctx.admin });
  t.equal(removed.statusCode, 204);
  t.same(await ids(), [kremlin.id]);

  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { body: 'Leaders met again in Moscow, in Moscow.' } });
  t.same(await ids(), [kremlin.id], 're-extraction keeps the pin and the removal');
  t.equal((await ctx.inject({ url: `/v1/entities/${moscow.id}` })).json().article_count, 0);
  t.equal((await ctx.inject({ url: `/v1/entities/${kremlin.id}` })).json().article_count, 1);

  await ctx.inject({ method: 'PUT', url: `/v1/articles/${article.id}/entities/${moscow.id}`, headers: ctx.admin });
  t.same((await ids()).sort(), [kremlin.id, moscow.id].sort(), 'an editor can link it back');
});

t.test('an entity read is kept until something it shows changes', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const armenia = await createEntity(ctx, { name: 'Armenia', type: 'place', aliases: ['Hayastan'] });
  await story(ctx, 'Armenia voted.', { status: 'published', published_at: '2026-11-02T10:00:00Z' });
  const url = `/v1/entities/${armenia.slug}`;
  const first = (await ctx.inject({ url })).json();
  const queries = await captureQueries(ctx.database, async () => t.same((await ctx.inject({ url })).json(), first));
  t.same(queries.filter((q) => /entity_aliases|"mentions"/.test(q.sql)), [], 'a repeated read is sent as kept');

  await ctx.inject({ method: 'PATCH', url: `/v1/entities/${armenia.id}`, headers: ctx.admin, payload: { description: 'A country' } });
  t.equal((await ctx.inject({ url })).json().description, 'A country', 'an edit shows at once');
  await story(ctx, 'Armenia again.', { status: 'published', published_at: '2026-11-28T12:00:00Z' });
  t.equal((await ctx.inject({ url })).json().last_seen_at, '2026-11-02T10:00:00.000Z', 'a scheduled article is not seen before its time');
  clock.set('2026-11-28T12:00:00Z');
  t.equal((await ctx.inject({ url })).json().last_seen_at, '2026-11-28T12:00:00.000Z', 'its go-live shows at once');
});

t.test('merging moves links, names and slugs to the survivor', async (t) => {
  const ctx = await buildTestApp(t);
  const long = await createEntity(ctx, { name: 'Collective Security Treaty Organization', type: 'organization' });
  const short = await createEntity(ctx, { name: 'CSTO', type: 'organization', aliases: ['ODKB'] });
  const both = await story(ctx, 'The Collective Security Treaty Organization, or CSTO, met.', { status: 'published' });
  const onlyShort = await story(ctx, 'The CSTO met again.', { status: 'published' });

  t.equal((await ctx.inject({ method: 'POST', url: `/v1/entities/${short.id}/merge`, headers: ctx.admin, payload: { into: short.id } })).statusCode, 400, 'not into itself');
  const merged = await ctx.inject({ method: 'POST', url: `/v1/entities/${short.id}/merge`, headers: ctx.admin, payload: { into: long.slug } });
  t.equal(merged.statusCode, 200);
  t.equal(merged.json().id, long.id);
  t.same(merged.json().aliases.sort(), ['CSTO', 'ODKB']);
  t.equal(merged.json().article_count, 2);

  const moved = await ctx.inject({ url: `/v1/entities/${short.slug}` });
  t.equal(moved.statusCode, 301);
  t.equal(moved.headers.location, `/v1/entities/${long.slug}`);
  t.equal((await ctx.inject({ url: `/v1/entities/${short.id}` })).statusCode, 301, 'the old id redirects too');
  const articles = (await ctx.inject({ url: `/v1/entities/${short.slug}/articles` })).json().data.map((a: { id: string }) => a.id);
  t.same(articles.sort(), [both.id, onlyShort.id].sort(), 'sub-resources resolve the old slug');
  const links = (await ctx.inject({ url: `/v1/articles/${both.id}/entities` })).json().data;
  t.same(namesOf(links), ['Collective Security Treaty Organization'], 'one link per article after the merge');
  t.equal((await ctx.inject({ method: 'DELETE', url: `/v1/entities/${short.slug}`, headers: ctx.admin })).statusCode, 404, 'writes need the current id');

  const later = await story(ctx, 'The ODKB held drills.', { status: 'published' });
  t.same(namesOf((await ctx.inject({ url: `/v1/articles/${later.id}/entities` })).json().data), ['Collective Security Treaty Organization'], 'the merged alias matches new articles');
});

t.test('renaming keeps the old name as an alias; deleting removes links only', async (t) => {
  const ctx = await buildTestApp(t);
  const entity = await createEntity(ctx, { name: 'Serzh Sargsyan', type: 'person' });
  const renamed = await ctx.inject({ method: 'PATCH', url: `/v1/entities/${entity.id}`, headers: ctx.admin, payload: { name: 'Serzh Sarkisian', description: 'Former president' } });
  t.equal(renamed.statusCode, 200);
  t.match(renamed.json(), { name: 'Serzh Sarkisian', aliases: ['Serzh Sargsyan'], description: 'Former president', slug: entity.slug });
  const article = await story(ctx, 'Serzh Sargsyan spoke.', { status: 'published' });
  t.same(namesOf((await ctx.inject({ url: `/v1/articles/${article.id}/entities` })).json().data), ['Serzh Sarkisian']);

  t.equal((await ctx.inject({ method: 'DELETE', url: `/v1/entities/${entity.id}`, headers: ctx.admin })).statusCode, 204);
  t.equal((await ctx.inject({ url: `/v1/entities/${entity.id}` })).statusCode, 404);
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).statusCode, 200, 'the article stays');
  t.same((await ctx.inject({ url: `/v1/articles/${article.id}/entities` })).json().data, []);
});

t.test('listing: by article count or name, type filter, prefix search over aliases, pages', async (t) => {
  const ctx = await buildTestApp(t);
  await createEntity(ctx, { name: 'Armenia', type: 'place', aliases: ['Republic of Armenia'] });
  await createEntity(ctx, { name: 'Azerbaijan', type: 'place' });
  await createEntity(ctx, { name: 'Arman Tatoyan', type: 'person' });
  await story(ctx, 'Azerbaijan and Azerbaijan.', { status: 'published' });
  const names = async (query: string) => (await ctx.inject({ url: `/v1/entities?${query}` })).json().data.map((e: { name: string }) => e.name);
  t.same(await names(''), ['Azerbaijan', 'Arman Tatoyan', 'Armenia'], 'most mentioned first, then newest');
  t.same(await names('sort=name'), ['Arman Tatoyan', 'Armenia', 'Azerbaijan']);
  t.same(await names('type=place&sort=name'), ['Armenia', 'Azerbaijan']);
  t.same(await names('q=arm&sort=name'), ['Arman Tatoyan', 'Armenia']);
  t.same(await names('q=republic'), ['Armenia'], 'aliases are searched');
  t.same(await names('q=ARMENIA'), ['Armenia'], 'case-insensitive');
  const first = await ctx.inject({ url: '/v1/entities?sort=name&limit=2' });
  t.match(first.headers.link, /rel="next"/);
  t.same((await ctx.inject({ url: `/v1/entities?sort=name&limit=2&cursor=${first.json().next_cursor}` })).json().data.map((e: { name: string }) => e.name), ['Azerbaijan']);
  t.equal((await ctx.inject({ url: '/v1/entities?type=planet' })).statusCode, 400, 'unknown type is a 400');
});

t.test('articles mentioning all of several entities, and related entities', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const armenia = await createEntity(ctx, { name: 'Armenia', type: 'place' });
  const russia = await createEntity(ctx, { name: 'Russia', type: 'place' });
  const belarus = await createEntity(ctx, { name: 'Belarus', type: 'place' });
  const both = await story(ctx, 'Armenia and Russia signed.', { status: 'published', published_at: '2026-11-02T00:00:00Z' });
  await story(ctx, 'Armenia acted alone.', { status: 'published', published_at: '2026-11-03T00:00:00Z' });
  const all = await story(ctx, 'Armenia, Russia and Belarus agreed.', { status: 'published', published_at: '2026-11-04T00:00:00Z', tags: ['Diplomacy'] });
  await story(ctx, 'A draft on Armenia and Russia.');

  const ids = async (query: string) => (await ctx.inject({ url: `/v1/articles?${query}` })).json().data.map((a: { id: string }) => a.id);
  t.same(await ids(`entity=${armenia.slug}&entity=${russia.id}`), [all.id, both.id]);
  t.same(await ids(`entity=${armenia.slug}&entity=${russia.slug}&entity=${belarus.slug}`), [all.id]);
  t.same(await ids(`entity=${belarus.slug}&tag=diplomacy`), [all.id], 'combines with other filters');
  t.equal((await ctx.inject({ url: '/v1/articles?entity=nobody' })).statusCode, 404, 'an unknown entity is a 404');

  const entityArticles = (await ctx.inject({ url: `/v1/entities/${russia.slug}/articles` })).json().data.map((a: { id: string }) => a.id);
  t.same(entityArticles, [all.id, both.id], 'entity page: published only, newest first');

  const related = (await ctx.inject({ url: `/v1/entities/${armenia.slug}/related` })).json().data;
  t.same(related.map((r: { name: string }) => r.name), ['Russia', 'Belarus']);
  t.equal(related[0].shared_articles, 2);
  t.equal(related[1].shared_articles, 1);
  t.ok(related[0].weight > related[1].weight);
});

t.test('entity writes need an editor key; bad input names the field', async (t) => {
  const ctx = await buildTestApp(t);
  const moderator = await ctx.keyFor('moderator');
  const entity = await createEntity(ctx, { name: 'Moscow', type: 'place' });
  const article = await createArticle(ctx, { status: 'published' });
  for (const [method, url] of [
    ['POST', '/v1/entities'],
    ['PATCH', `/v1/entities/${entity.id}`],
    ['DELETE', `/v1/entities/${entity.id}`],
    ['POST', `/v1/entities/${entity.id}/merge`],
    ['PUT', `/v1/articles/${article.id}/entities/${entity.id}`],
    ['DELETE', `/v1/articles/${article.id}/entities/${entity.id}`],
  ] as const) {
    t.equal((await ctx.inject({ method, url, payload: {} })).statusCode, 401, `${method} ${url} anonymous`);
    t.equal((await ctx.inject({ method, url, headers: moderator, payload: {} })).statusCode, 403, `${method} ${url} as moderator`);
  }
  const bad = await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name: 'X', type: 'planet', wikidata_qid: '7184' } });
  t.equal(bad.statusCode, 400);
  t.same(bad.json().errors.map((e: { field: string }) => e.field).sort(), ['type', 'wikidata_qid']);
  const dup = await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name: 'Moscow 2', type: 'place', slug: 'moscow' } });
  t.equal(dup.statusCode, 409);
  t.equal((await ctx.inject({ method: 'PUT', url: `/v1/articles/${article.id}/entities/nobody`, headers: ctx.admin })).statusCode, 404);
  t.equal((await ctx.inject({ method: 'POST', url: `/v1/entities/${entity.id}/merge`, headers: ctx.admin, payload: { into: 'nobody' } })).statusCode, 400);
  const draft = await createArticle(ctx);
  t.equal((await ctx.inject({ url: `/v1/articles/${draft.id}/entities` })).statusCode, 404, 'a draft’s entities are hidden from the public');
});

t.test('entity lists, related entities and an article’s entities are kept until something they show changes', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const armenia = await createEntity(ctx, { name: 'Armenia', type: 'place' });
  const russia = await createEntity(ctx, { name: 'Russia', type: 'place' });
  const article = await story(ctx, 'Armenia and Russia signed.', { status: 'published', published_at: '2026-11-02T00:00:00Z' });
  const urls = ['/v1/entities', `/v1/entities/${armenia.slug}/related`, `/v1/articles/${article.id}/entities`];
  const read = async () => {
    const bodies = [];
    for (const url of urls) {
      const res = await ctx.inject({ url });
      t.equal(res.statusCode, 200, url);
      bodies.push(res.json());
    }
    return bodies;
  };
  const first = await read();
  // The connection's change counter is asked on every request; nothing else may be.
  const queries = (await captureQueries(ctx.database, read)).filter((q) => !/total_changes|data_version/.test(q.sql));
  t.same(queries, [], 'read again: answered from what was kept');

  const renamed = await ctx.inject({ method: 'PATCH', url: `/v1/entities/${russia.id}`, headers: ctx.admin, payload: { name: 'Russian Federation' } });
  t.equal(renamed.statusCode, 200);
  const [list, related, linked] = await read();
  t.not(JSON.stringify(list), JSON.stringify(first[0]));
  t.ok(list.data.some((e: { name: string }) => e.name === 'Russian Federation'), 'the list shows the new name');
  t.same(related.data.map((e: { name: string }) => e.name), ['Russian Federation'], 'so do the related entities');
  t.ok(linked.data.some((e: { name: string }) => e.name === 'Russian Federation'), 'and the article’s entities');

  const unlinked = await ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}/entities/${russia.id}`, headers: ctx.admin });
  t.equal(unlinked.statusCode, 204);
  const [, relatedAfter, linkedAfter] = await read();
  t.same(relatedAfter.data, [], 'an unlinked entity is no longer related');
  t.notOk(linkedAfter.data.some((e: { name: string }) => e.name === 'Russian Federation'), 'nor among the article’s entities');
});
