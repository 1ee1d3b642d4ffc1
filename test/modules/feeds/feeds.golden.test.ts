import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import t from 'tap';
import { createArticle } from '../../factories.js';
import { buildTestApp, testClock, type TestApp } from '../../helper.js';

// The feeds of a fixed set of articles, byte for byte. After an intended change of the
// output, regenerate with: UPDATE_GOLDEN=1 node --import tsx test/modules/feeds/feeds.golden.test.ts
const GOLDEN = new URL('../../golden/feeds/', import.meta.url);
/** A real article from the fixtures, cut to its first two paragraphs. */
function fixture(name: string) {
  const { title, standfirst, dateline, body } = JSON.parse(
    readFileSync(new URL(`../../fixtures/articles/${name}.json`, import.meta.url), 'utf8'),
  ) as { title: string; standfirst: string | null; dateline: { place: string; source: string } | null; body: string };
  return { title, standfirst, dateline, body: body.split('\n\n').slice(0, 2).join('\n\n'), authors: [] };
}

/** Publishes the golden set and returns its ids in creation order. */
async function publishGoldenSet(ctx: TestApp): Promise<string[]> {
  const articles = [
    { ...fixture('00-csto-summit'), section: 'World', tags: ['CSTO', 'Diplomacy'], published_at: '2026-11-20T08:00:00Z' },
    {
      ...fixture('01-bbc-shell-new-boss'),
      section: 'Business',
      tags: ['Energy'],
      authors: [{ name: 'BBC News', url: 'https://bbc.example/news' }],
      canonical_url: 'https://bbc.example/news/business-3537151',
      published_at: '2026-11-21T10:00:00Z',
    },
    { ...fixture('02-dafanews-fc-goa-pena'), section: 'Sport', tags: ['Football', 'FC Goa'], authors: [{ name: 'Dafanews desk' }], published_at: '2026-11-22T18:30:00Z' },
    { ...fixture('03-ria-pashinyan-resignation'), section: 'World', tags: ['Armenia', 'Diplomacy'], dateline: { place: 'Yerevan', source: 'TASS' }, published_at: '2026-11-23T07:15:00Z' },
    {
      title: 'Q&A: can <em>growth</em> beat 1% in 2027?',
      dateline: null,
      standfirst: 'Economists answer readers\' questions on "growth" & <prices>',
      body: 'Short answer: **maybe**.\n\n- Read the [forecast](https://stats.example/forecast?year=2027&q=1)\n- Ask ]]> again',
      section: 'Business',
      tags: ['Q&A', 'Economy'],
      authors: [{ name: 'Ana Ruiz' }, { name: 'Tom Lee' }],
      published_at: '2026-11-24T12:00:00Z',
    },
  ];
  const ids = [];
  for (const article of articles) ids.push((await createArticle(ctx, { ...article, status: 'published' })).id as string);
  await createArticle(ctx, { title: 'A draft nobody outside sees', section: 'World' });
  await createArticle(ctx, { title: 'Scheduled for later', section: 'World', status: 'scheduled', published_at: '2026-12-01T00:00:00Z' });
  return ids;
}

/** Random ids become fixed ones, by creation order, so the files are stable. */
function stable(body: string, ids: string[]): string {
  return ids.reduce((text, id, i) => text.replaceAll(id, `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`), body);
}

t.test('feeds match their golden files', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const ids = await publishGoldenSet(ctx);
  const feeds = [
    ['/feeds/articles', 'articles', '?limit=3'],
    ['/feeds/sections/world/articles', 'section-world', ''],
    ['/feeds/tags/q-a/articles', 'tag-q-a', ''],
  ] as const;
  for (const [path, name, query] of feeds) {
    for (const format of ['json', 'rss', 'atom'] as const) {
      const res = await ctx.inject({ url: `${path}.${format}${query}` });
      t.equal(res.statusCode, 200, `${path}.${format}`);
      const body = stable(format === 'json' ? `${JSON.stringify(res.json(), null, 2)}\n` : res.body, ids);
      const file = new URL(`${name}.${format}`, GOLDEN);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, body);
      }
      t.equal(body, readFileSync(file, 'utf8'), `${name}.${format} matches test/golden/feeds`);
    }
  }
});
