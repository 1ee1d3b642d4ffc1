import type autocannon from 'autocannon';
import { articleInput } from '../../test/factories.js';
import { ADMIN_SECRET } from '../../test/helper.js';
import { api } from '../../test/hardening/server-process.js';

type Request = autocannon.Request;

export interface Newsroom {
  articleId: string;
  articleSlug: string;
  readerTokens: string[];
}

/** A few published articles, an entity and readers for the mix to read, edit and comment on. */
export async function seedNewsroom(base: string, readers: number): Promise<Newsroom> {
  await api(base, 'POST', '/v1/entities', { name: 'Collective Security Treaty Organization', type: 'organization', aliases: ['CSTO'] });
  let first: { id: string; slug: string } | undefined;
  for (let i = 0; i < 20; i += 1) {
    const res = await api(base, 'POST', '/v1/articles', articleInput({ status: 'published', body: 'The CSTO summit in Moscow adopted 22 documents.' }));
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${res.body}`);
    first ??= res.json();
  }
  const readerTokens: string[] = [];
  for (let i = 0; i < readers; i += 1) {
    const res = await api(base, 'POST', '/v1/readers', { display_name: `Soak reader ${i}`, email: `soak${i}@example.org` });
    readerTokens.push(res.json().token);
  }
  if (!first) throw new Error('no article was seeded');
  return { articleId: first.id, articleSlug: first.slug, readerTokens };
}

let serial = 0;
const json = { 'content-type': 'application/json' };
const staff = { authorization: `Bearer ${ADMIN_SECRET}` };

/**
 * What each connection sends, in turn: seven reads (lists, an article, a feed, search,
 * comments, entities, changes) and three writes (a new article, an edit, a comment).
 */
export function requestMix(newsroom: Newsroom): Request[] {
  const { articleId, articleSlug, readerTokens } = newsroom;
  return [
    { method: 'GET', path: '/v1/articles?limit=20' },
    { method: 'GET', path: `/v1/articles/${articleSlug}` },
    { method: 'GET', path: '/feeds/articles.json' },
    {
      method: 'POST',
      path: '/v1/articles',
      headers: { ...json, ...staff },
      setupRequest: (request: Request) => ({ ...request, body: JSON.stringify(articleInput({ status: 'published', title: `Soak story ${++serial} ${process.pid}` })) }),
    },
    { method: 'GET', path: '/v1/search?q=summit' },
    {
      method: 'PATCH',
      path: `/v1/articles/${articleId}`,
      headers: { ...json, ...staff },
      setupRequest: (request: Request) => ({ ...request, body: JSON.stringify({ standfirst: `Soak edit ${++serial}` }) }),
    },
    { method: 'GET', path: `/v1/articles/${articleId}/comments` },
    {
      method: 'POST',
      path: `/v1/articles/${articleId}/comments`,
      setupRequest: (request: Request) => {
        serial += 1;
        const token = readerTokens[serial % readerTokens.length] as string;
        return { ...request, headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ body: `Soak remark number ${serial} about the summit.` }) };
      },
    },
    { method: 'GET', path: '/v1/entities' },
    { method: 'GET', path: '/v1/changes?limit=50' },
  ];
}
