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
