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

export interface TestReader {
  id: string;
  display_name: string;
  email: string;
  token: string;
  /** Bearer header of the reader's token. */
  headers: { authorization: string };
}

/** Creates a reader through the API; every call gets a distinct name and e-mail. */
export async function createReader(ctx: TestApp, overrides: Record<string, unknown> = {}): Promise<TestReader> {
  counter += 1;
  const payload = { display_name: `Reader ${counter}`, email: `reader${counter}@example.org`, ...overrides };
  const res = await ctx.inject({ method: 'POST', url: '/v1/readers', payload });
  if (res.statusCode !== 201) throw new Error(`reader failed ${res.statusCode}: ${res.body}`);
  const reader = res.json();
  return { ...reader, headers: { authorization: `Bearer ${reader.token}` } };
}

/** Posts a comment as `reader`; the body is unique unless given, so duplicates never trip by accident. */
export async function postComment(ctx: TestApp, reader: TestReader, articleId: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const payload = { body: `A thoughtful remark about the summit, number ${counter}.`, ...overrides };
  const res = await ctx.inject({ method: 'POST', url: `/v1/articles/${articleId}/comments`, headers: reader.headers, payload });
  if (res.statusCode !== 201) throw new Error(`comment failed ${res.statusCode}: ${res.body}`);
  return res.json();
}
