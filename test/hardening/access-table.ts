import type { InjectOptions } from 'fastify';
import type { Role } from '../../src/lib/vocabulary.js';
import { articleInput, createArticle, createReader, postComment } from '../factories.js';
import type { TestApp } from '../helper.js';
import type { Seeded } from './seed.js';

/** Who an operation lets through: anyone, readers, the metrics scraper (or admin), or staff of these roles (admin always). */
export type Access = 'public' | 'reader' | 'metrics' | { staff: Role[] };

export interface AccessCase {
  access: Access;
  /** The status of a request that gets through. */
  ok: number;
  /** A valid request, on fresh rows where it changes or removes them, so every caller meets the same state. */
  request(fx: Fixtures): Promise<InjectOptions>;
}

/** Makes fresh rows for one request of the matrix. */
export interface Fixtures {
  ctx: TestApp;
  seeded: Seeded;
  article(overrides?: Record<string, unknown>): Promise<{ id: string; slug: string; revision: number }>;
  entity(): Promise<{ id: string; slug: string }>;
  /** A comment by the matrix's reader (theirs to edit and delete). */
  ownComment(): Promise<string>;
  /** A comment by another reader (the matrix's reader may flag it; moderators may decide it). */
  othersComment(): Promise<string>;
  reader(): Promise<string>;
  blockedReader(): Promise<string>;
  key(): Promise<string>;
}

const EDITOR = { staff: ['editor'] as Role[] };
const MODERATOR = { staff: ['moderator'] as Role[] };
const ADMIN = { staff: [] as Role[] };
const get = (url: string) => async (): Promise<InjectOptions> => ({ method: 'GET', url });

/** Every operation of the contract: who it lets through, and a request that succeeds for them. */
export const ACCESS: Record<string, AccessCase> = {
  healthLive: { access: 'public', ok: 200, request: get('/health/live') },
  healthReady: { access: 'public', ok: 200, request: get('/health/ready') },
  metrics: { access: 'metrics', ok: 200, request: get('/metrics') },
  createArticle: { access: EDITOR, ok: 201, request: async () => ({ method: 'POST', url: '/v1/articles', payload: articleInput() }) },
  listArticles: { access: 'public', ok: 200, request: get('/v1/articles?section=world') },
  importArticle: {
    access: EDITOR,
    ok: 201,
    request: async () => ({
      method: 'POST',
      url: '/v1/articles/import',
      headers: { 'content-type': 'text/plain' },
      payload: `Matrix import ${Math.random().toString(36).slice(2)} lands\n\nA standfirst for it\n\nMOSCOW (ITAR-TASS)— The body of the imported story.`,
    }),
  },
  getArticle: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/articles/${seeded.published.slug}` }) },
  updateArticle: { access: EDITOR, ok: 200, request: async (fx) => ({ method: 'PATCH', url: `/v1/articles/${(await fx.article()).id}`, payload: { standfirst: 'Changed by the matrix' } }) },
  deleteArticle: { access: EDITOR, ok: 204, request: async (fx) => ({ method: 'DELETE', url: `/v1/articles/${(await fx.article()).id}` }) },
  listArticleRevisions: { access: EDITOR, ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/articles/${seeded.published.id}/revisions` }) },
  listEntities: { access: 'public', ok: 200, request: get('/v1/entities') },
  createEntity: { access: EDITOR, ok: 201, request: async () => ({ method: 'POST', url: '/v1/entities', payload: { name: `Matrix Org ${Math.random().toString(36).slice(2)}`, type: 'organization' } }) },
  getEntity: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/entities/${seeded.pools.entitySlugs[0]}` }) },
  updateEntity: { access: EDITOR, ok: 200, request: async (fx) => ({ method: 'PATCH', url: `/v1/entities/${(await fx.entity()).id}`, payload: { description: 'Changed by the matrix' } }) },
  deleteEntity: { access: EDITOR, ok: 204, request: async (fx) => ({ method: 'DELETE', url: `/v1/entities/${(await fx.entity()).id}` }) },
  mergeEntity: {
    access: EDITOR,
    ok: 200,
    request: async (fx) => ({ method: 'POST', url: `/v1/entities/${(await fx.entity()).id}/merge`, payload: { into: (await fx.entity()).id } }),
  },
  listEntityArticles: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/entities/${seeded.pools.entityIds[0]}/articles` }) },
  listRelatedEntities: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/entities/${seeded.pools.entityIds[0]}/related` }) },
  listArticleEntities: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/articles/${seeded.published.id}/entities` }) },
  linkArticleEntity: {
    access: EDITOR,
    ok: 200,
    request: async (fx) => ({ method: 'PUT', url: `/v1/articles/${(await fx.article()).id}/entities/${fx.seeded.pools.entityIds[1]}` }),
  },
  unlinkArticleEntity: {
    access: EDITOR,
    ok: 204,
    request: async (fx) => {
      const [article, entity] = [await fx.article(), await fx.entity()];
      await fx.ctx.inject({ method: 'PUT', url: `/v1/articles/${article.id}/entities/${entity.id}`, headers: fx.ctx.admin });
      return { method: 'DELETE', url: `/v1/articles/${article.id}/entities/${entity.id}` };
    },
  },
  searchArticles: { access: 'public', ok: 200, request: get('/v1/search?q=summit') },
  listApiKeys: { access: ADMIN, ok: 200, request: get('/v1/keys') },
  createApiKey: { access: ADMIN, ok: 201, request: async () => ({ method: 'POST', url: '/v1/keys', payload: { name: 'matrix key', role: 'syndication' } }) },
  revokeApiKey: { access: ADMIN, ok: 200, request: async (fx) => ({ method: 'DELETE', url: `/v1/keys/${await fx.key()}` }) },
  listChanges: { access: 'public', ok: 200, request: get('/v1/changes') },
  createReader: {
    access: 'public',
    ok: 201,
    request: async () => ({ method: 'POST', url: '/v1/readers', payload: { display_name: 'Matrix reader', email: `m${Math.random().toString(36).slice(2)}@example.org` } }),
  },
  getCurrentReader: { access: 'reader', ok: 200, request: get('/v1/readers/me') },
  listComments: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/articles/${seeded.published.id}/comments` }) },
  postComment: {
    access: 'reader',
    ok: 201,
    request: async ({ seeded }) => ({ method: 'POST', url: `/v1/articles/${seeded.published.id}/comments`, payload: { body: `A matrix remark ${Math.random().toString(36).slice(2)}.` } }),
  },
  editComment: { access: 'reader', ok: 200, request: async (fx) => ({ method: 'PATCH', url: `/v1/comments/${await fx.ownComment()}`, payload: { body: 'An edited matrix remark.' } }) },
  deleteComment: { access: 'reader', ok: 204, request: async (fx) => ({ method: 'DELETE', url: `/v1/comments/${await fx.ownComment()}` }) },
  flagComment: { access: 'reader', ok: 201, request: async (fx) => ({ method: 'POST', url: `/v1/comments/${await fx.othersComment()}/flags`, payload: { reason: 'spam' } }) },
  getCommentCounts: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/comment-counts?article=${seeded.published.id}` }) },
  getDiscussionPolicy: { access: 'public', ok: 200, request: get('/v1/discussion-policy') },
  listModerationQueue: { access: MODERATOR, ok: 200, request: get('/v1/moderation/comments') },
  decideComment: {
    access: MODERATOR,
    ok: 200,
    request: async (fx) => ({ method: 'POST', url: `/v1/moderation/comments/${await fx.othersComment()}/decision`, payload: { decision: 'reject', reason: 'matrix' } }),
  },
  blockReader: { access: MODERATOR, ok: 200, request: async (fx) => ({ method: 'POST', url: `/v1/moderation/readers/${await fx.reader()}/block`, payload: { reason: 'matrix' } }) },
  unblockReader: { access: MODERATOR, ok: 200, request: async (fx) => ({ method: 'DELETE', url: `/v1/moderation/readers/${await fx.blockedReader()}/block` }) },
  listModerationLog: { access: MODERATOR, ok: 200, request: get('/v1/moderation/log') },
  getArticleJsonLd: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/articles/${seeded.published.id}/jsonld` }) },
  getArticleNinjs: { access: 'public', ok: 200, request: async ({ seeded }) => ({ method: 'GET', url: `/v1/articles/${seeded.published.id}/ninjs` }) },
};

// The feeds: three scopes by three formats, all public.
for (const [scope, url] of [
  ['Articles', '/feeds/articles'],
  ['SectionArticles', '/feeds/sections/world/articles'],
  ['TagArticles', '/feeds/tags/diplomacy/articles'],
  ['EntityArticles', '/feeds/entities/serzh-sarkisian/articles'],
] as const) {
  for (const [format, extension] of [['JsonFeed', 'json'], ['Rss', 'rss'], ['Atom', 'atom']] as const) {
    ACCESS[`get${scope}${format}`] = { access: 'public', ok: 200, request: get(`${url}.${extension}`) };
  }
}

/** The fixtures of one matrix run on a seeded newsroom. */
export function fixtures(ctx: TestApp, seeded: Seeded): Fixtures {
  const ok = async (options: InjectOptions) => {
    const res = await ctx.inject({ headers: ctx.admin, ...options });
    if (res.statusCode >= 300) throw new Error(`fixture ${options.method} ${options.url} failed ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  let authorOfOthers: Awaited<ReturnType<typeof createReader>> | undefined;
  return {
    ctx,
    seeded,
    article: (overrides = {}) => createArticle(ctx, { status: 'published', ...overrides }),
    entity: () => ok({ method: 'POST', url: '/v1/entities', payload: { name: `Fixture Org ${Math.random().toString(36).slice(2)}`, type: 'organization' } }),
    ownComment: async () => (await postComment(ctx, seeded.reader, seeded.published.id)).id,
    othersComment: async () => {
      authorOfOthers ??= await createReader(ctx);
      return (await postComment(ctx, authorOfOthers, seeded.published.id)).id;
    },
    reader: async () => (await createReader(ctx)).id,
    blockedReader: async () => {
      const { id } = await createReader(ctx);
      await ok({ method: 'POST', url: `/v1/moderation/readers/${id}/block`, payload: { reason: 'fixture' } });
      return id;
    },
    key: async () => (await ok({ method: 'POST', url: '/v1/keys', payload: { name: 'fixture key', role: 'syndication' } })).id,
  };
}
