import type { ArticleRow } from '../src/modules/articles/article-resource.js';
import type { TestApp } from './helper.js';

let counter = 0;

/** A valid create-article body; every call gets a distinct title (and so slug). */
export function articleInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    title: `Summit number ${counter} adopts resolutions`,
    standfirst: 'Leaders meet for a summit of the council',
    body: 'The leaders **adopted** 22 documents.\n\nA second paragraph.',
    dateline: { place: 'Moscow', source: 'ITAR-TASS' },
    authors: [{ name: 'Jane Doe' }],
    section: 'World',
    tags: ['Diplomacy', 'Security'],
    ...overrides,
  };
}

/** Creates an article through the API as an editor and returns the response body. */
export async function createArticle(ctx: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput(overrides) });
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** A stored article row as the pure renderers receive it, without going through the API. */
export function articleRow(overrides: Partial<ArticleRow> = {}): ArticleRow {
  const at = Date.parse('2026-11-28T09:00:00Z');
  return {
    seq: 1,
    id: '01890a5d-ac96-774b-bcce-b302099a8057',
    slug: 'csto-summit-adopts-resolutions',
    title: 'CSTO Summit Adopts Resolutions',
    standfirst: 'Leaders meet in Moscow',
    body: 'The leaders **adopted** 22 documents.',
    bodyHtml: '<p>The leaders <strong>adopted</strong> 22 documents.</p>',
    bodyText: 'The leaders adopted 22 documents.',
    datelinePlace: 'Moscow',
    datelineSource: 'ITAR-TASS',
    authors: [{ name: 'Jane Doe', url: 'https://news.example/authors/jane' }],
    section: 'World',
    sectionSlug: 'world',
    tags: ['Diplomacy', 'Nagorno-Karabakh'],
    language: 'en',
    canonicalUrl: null,
    status: 'published',
    publishedAt: at - 3_600_000,
    firstPublishedAt: at - 3_600_000,
    sortAt: at - 3_600_000,
    createdAt: at - 7_200_000,
    updatedAt: at - 1_800_000,
    revision: 3,
    commentsMode: 'open',
    commentCount: 0,
    ...overrides,
  };
}
