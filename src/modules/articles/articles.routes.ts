import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isStaff, requireRole, SECURITY, staffKeyId } from '../../plugins/auth.js';
import { isListNotModified, isNotModified, NotModified, sentValidatorsHold } from '../../lib/http-cache.js';
import { setNextLink } from '../../lib/links.js';
import { Problem, problemResponses } from '../../lib/problem.js';
import type { RenderCache } from '../../lib/render-cache.js';
import { jsonResponse, NoContent, PageQuery } from '../../lib/schemas.js';
import type { Clock } from '../../lib/time.js';
import type { ChangesService } from '../changes/changes.service.js';
import { articleEtag, articleValidators, revisionFromIfMatch, toArticle, toArticleSummary, toRevision } from './article-resource.js';
import {
  ArticlePage,
  ArticleSchema,
  CreateArticleBody,
  IdOrSlugParams,
  IdParams,
  ImportQuery,
  ListArticlesQuery,
  PatchArticleBody,
  ReadArticleQuery,
  RevisionPage,
} from './articles.schemas.js';
import type { ArticlesService } from './articles.service.js';
import type { ArticleEntityPresenter } from '../entities/article-entities.js';
import { importWireCopy } from './wire-import.js';

const TAGS = ['articles'];
const IfMatchHeaders = z.object({
  'if-match': z.string().max(200).optional().describe('ETag of the version this update is based on'),
});

export const articlesRoutes: FastifyPluginAsyncZod<{
  articles: ArticlesService;
  changes: ChangesService;
  clock: Clock;
  presentEntities: ArticleEntityPresenter;
  rendered: RenderCache;
}> = async (app, { articles, changes, clock, presentEntities, rendered }) => {

  app.post('/v1/articles', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'createArticle',
      summary: 'Create an article (draft, scheduled or published)',
      tags: TAGS,
      security: SECURITY.staff,
      body: CreateArticleBody,
      response: { 201: jsonResponse(ArticleSchema, 'The created article'), ...problemResponses(400, 401, 403, 409, 413, 415) },
    },
    handler: async (request, reply) => {
      const row = articles.create(request.body, staffKeyId(request));
      const now = clock();
      return reply.code(201).header('location', `/v1/articles/${row.id}`).header('etag', articleEtag(row, now)).send(toArticle(row, now));
    },
  });

  app.post('/v1/articles/import', {
    onRequest: requireRole('editor'),
    preValidation: async (request) => {
      if (!/^text\/plain\b/i.test(request.headers['content-type'] ?? '')) {
        throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send wire copy as text/plain');
      }
    },
    schema: {
      operationId: 'importArticle',
      summary: 'Create an article from raw wire copy (text/plain)',
      description:
        'Parses headline, standfirst, dateline (place and agency) and body paragraphs from agency copy, ' +
        'dropping page furniture such as discussion policies and comment counters. Importing the same story twice is a 409.',
      tags: TAGS,
      security: SECURITY.staff,
      consumes: ['text/plain'],
      querystring: ImportQuery,
      body: z.string().max(1_000_000).describe('Wire copy as plain text'),
      response: { 201: jsonResponse(ArticleSchema, 'The imported article'), ...problemResponses(400, 401, 403, 409, 413, 415) },
    },
    handler: async (request, reply) => {
      const row = importWireCopy(articles, request.body, request.query, staffKeyId(request));
      const now = clock();
      return reply.code(201).header('location', `/v1/articles/${row.id}`).header('etag', articleEtag(row, now)).send(toArticle(row, now));
    },
  });

  app.get('/v1/articles', {
    schema: {
      operationId: 'listArticles',
      summary: 'List articles, newest first',
      description:
        'Keyset-paginated. The public sees published articles; editors see every status and may filter by it. ' +
        'Send the ETag back in If-None-Match (or Last-Modified in If-Modified-Since) for a 304 while nothing changed.',
      tags: TAGS,
      security: SECURITY.optionalStaff,
      querystring: ListArticlesQuery,
      response: { 200: jsonResponse(ArticlePage, 'A page of article summaries'), 304: NotModified, ...problemResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const staff = isStaff(request, 'editor');
      const state = changes.currentVersion();
      if (isListNotModified(request, reply, state, staff)) return reply.code(304).send();
      return rendered.send(request, reply, staff ? null : `articles ${state.tag} ${request.url}`, () => {
        const page = articles.list(request.query, { staff });
        const now = clock();
        const embedded = request.query.include === 'entities' ? presentEntities(page.rows.map((row) => row.seq)) : undefined;
        const data = page.rows.map((row) => {
          const summary = toArticleSummary(row, now);
          return embedded ? { ...summary, entities: embedded.get(row.seq) ?? [] } : summary;
        });
        return { payload: { data, next_cursor: page.nextCursor }, nextCursor: page.nextCursor };
      });
    },
  });

  app.get('/v1/articles/:id', {
    schema: {
      operationId: 'getArticle',
      summary: 'Read one article by id or slug',
      tags: TAGS,
      security: SECURITY.optionalStaff,
      params: IdOrSlugParams,
      querystring: ReadArticleQuery,
      response: {
        200: jsonResponse(ArticleSchema, 'The article; ETag names its version'),
        304: NotModified,
        ...problemResponses(400, 401, 404),
      },
    },
    handler: async (request, reply) => {
      const staff = isStaff(request, 'editor');
      // Most reads are answered from the validators or the render cache: the body waits.
      const head = articles.getHead(request.params.id, { staff });
      const now = clock();
      const withEntities = request.query.include === 'entities';
      // Embedded entities change without the article changing (a rename, a merge): their
      // state is in the editorial version, so it joins the validators. Readers' comments do
      // not move it; this article's own count is in its ETag already.
      const embeds = withEntities ? changes.editorialVersion() : undefined;
      const validators = articleValidators(head, now, embeds);
      if (isNotModified(request, reply, validators, staff)) return reply.code(304).send();
      // The ETag names everything the body shows (with entities: the editorial version too).
      const key = staff ? null : `article ${head.seq} ${withEntities} ${validators.etag}`;
      return rendered.send(request, reply, key, () => {
        const row = articles.get(head.id, { staff });
        // Another process may have written the article since its head was read.
        const keep = sentValidatorsHold(reply, validators, articleValidators(row, now, embeds));
        const article = toArticle(row, now);
        return { payload: withEntities ? { ...article, entities: presentEntities([row.seq]).get(row.seq) ?? [] } : article, nextCursor: null, keep };
      });
    },
  });

  app.patch('/v1/articles/:id', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'updateArticle',
      summary: 'Update an article; each change makes a new revision',
      description:
        'Send `If-Match` with the ETag you read (412 when the article changed since) or `revision` in the body (409). ' +
        'A request that changes nothing returns the article unchanged, without a new revision.',
      tags: TAGS,
      security: SECURITY.staff,
      params: IdParams,
      headers: IfMatchHeaders,
      body: PatchArticleBody,
      response: { 200: jsonResponse(ArticleSchema, 'The updated article; ETag names its new version'), ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415) },
    },
    handler: async (request, reply) => {
      const ifMatch = request.headers['if-match'];
      const expectedRevision = ifMatch === undefined ? undefined : revisionFromIfMatch(ifMatch);
      if (expectedRevision === undefined && ifMatch !== undefined) {
        throw new Problem(412, 'precondition-failed', 'Precondition failed', 'If-Match does not name a version of this article');
      }
      const row = articles.update(request.params.id, request.body, { expectedRevision, actor: staffKeyId(request) });
      const now = clock();
      reply.header('etag', articleEtag(row, now));
      return toArticle(row, now);
    },
  });

  app.delete('/v1/articles/:id', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'deleteArticle',
      summary: 'Delete an article and its revisions',
      tags: TAGS,
      security: SECURITY.staff,
      params: IdParams,
      response: { 204: NoContent, ...problemResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      articles.remove(request.params.id, staffKeyId(request));
      return reply.code(204).send();
    },
  });

  app.get('/v1/articles/:id/revisions', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'listArticleRevisions',
      summary: 'Previous versions of an article, newest first',
      tags: TAGS,
      security: SECURITY.staff,
      params: IdParams,
      querystring: PageQuery,
      response: { 200: jsonResponse(RevisionPage, 'A page of replaced versions'), ...problemResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const page = articles.revisions(request.params.id, request.query);
      const now = clock();
      setNextLink(request, reply, page.nextCursor);
      return {
        data: page.rows.map((revision) => toRevision(revision, now)),
        next_cursor: page.nextCursor,
      };
    },
  });
};
