import { readFileSync } from 'node:fs';
import t from 'tap';
import { createArticle } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

const csto = readFileSync(new URL('../../fixtures/csto-summit.txt', import.meta.url), 'utf8');

type Linked = { id: string; name: string; type: string; aliases: string[]; mention_count: number; salience: number; origin: string };

t.test('importing the CSTO wire story links its people, organizations and places', async (t) => {
  const ctx = await buildTestApp(t);
  const imported = await ctx.inject({ method: 'POST', url: '/v1/articles/import?publish=true', headers: { ...ctx.admin, 'content-type': 'text/plain' }, payload: csto });
  t.equal(imported.statusCode, 201);
  const links: Linked[] = (await ctx.inject({ url: `/v1/articles/${imported.json().id}/entities` })).json().data;
  const byName = new Map(links.map((link) => [link.name, link]));
  const expect = {
    person: ['Yury Ushakov', 'Serzh Sarkisian', 'Edward Nalbandian', 'Seyran Ohanian', 'Nikolai Bordyuzha'],
    organization: ['Collective Security Treaty Organization', 'ITAR-TASS'],
    place: ['Moscow', 'Russia', 'Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Ukraine', 'Central Asia', 'South Caucasus', 'Nagorno-Karabakh'],
  };
  for (const [type, names] of Object.entries(expect)) {
    for (const name of names) t.equal(byName.get(name)?.type, type, `${name} is a ${type}`);
  }
  t.ok((byName.get('Serzh Sarkisian')?.mention_count ?? 0) >= 4, 'the surname alone counts for the full name');
  t.ok(byName.get('Collective Security Treaty Organization')?.aliases.includes('CSTO'), 'the acronym is an alias');
  for (const wrong of ['President', 'Russian', 'Armenian', 'Afghan', 'Affairs Edward Nalbandian', 'CSTO']) {
    t.notOk(byName.has(wrong), `no entity named ${wrong}`);
  }
  t.ok(links.every((link) => link.origin === 'auto' && link.salience > 0 && link.salience <= 1));
  const csto_ = byName.get('Collective Security Treaty Organization') as Linked;
  t.ok(links.every((link) => link.salience <= csto_.salience), 'the organization of the headline is the most salient');

  const next = await createArticle(ctx, { status: 'published', title: 'CSTO drills in Tajikistan', standfirst: null, dateline: null, body: 'The CSTO said Sarkisian will attend.' });
  const nextLinks: Linked[] = (await ctx.inject({ url: `/v1/articles/${next.id}/entities` })).json().data;
  t.equal(nextLinks.find((l) => l.name === 'Collective Security Treaty Organization')?.id, csto_.id, 'a later article links to the same entity through its alias');
  const entities = (await ctx.inject({ url: '/v1/entities?q=collective&limit=100' })).json().data;
  t.equal(entities.filter((e: { name: string }) => e.name === 'Collective Security Treaty Organization').length, 1, 'no duplicate entity');
  t.equal((await ctx.inject({ url: `/v1/entities/${csto_.id}` })).json().article_count, 2);
});

t.test('a deleted entity is not proposed again by extraction', async (t) => {
  const ctx = await buildTestApp(t);
  const first = await createArticle(ctx, { status: 'published', title: 'Talks', standfirst: null, dateline: null, body: 'Prime Minister Nikol Pashinyan spoke in Yerevan.' });
  const links: Linked[] = (await ctx.inject({ url: `/v1/articles/${first.id}/entities` })).json().data;
  const pashinyan = links.find((l) => l.name === 'Nikol Pashinyan');
  t.ok(pashinyan, 'found by extraction');
  t.equal((await ctx.inject({ method: 'DELETE', url: `/v1/entities/${pashinyan?.id}`, headers: ctx.admin })).statusCode, 204);
  const second = await createArticle(ctx, { status: 'published', title: 'More talks', standfirst: null, dateline: null, body: 'Nikol Pashinyan spoke again.' });
  const again: Linked[] = (await ctx.inject({ url: `/v1/articles/${second.id}/entities` })).json().data;
  t.notOk(again.some((l) => l.name === 'Nikol Pashinyan'), 'the suppressed name is not recreated');
  const created = await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name: 'Nikol Pashinyan', type: 'person' } });
  t.equal(created.statusCode, 201, 'an editor may still create it explicitly');
});

t.test('an app built with warm-up extracts from its first article on', async (t) => {
  const ctx = await buildTestApp(t, { warmUp: true });
  const first = await createArticle(ctx, { status: 'published', title: 'Talks', standfirst: null, dateline: null, body: 'Prime Minister Nikol Pashinyan spoke in Yerevan.' });
  const names = (await ctx.inject({ url: `/v1/articles/${first.id}/entities` })).json().data.map((l: Linked) => l.name);
  t.ok(names.includes('Nikol Pashinyan') && names.includes('Yerevan'));
});
