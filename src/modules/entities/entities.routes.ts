import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../lib/problem.js';
import type { RenderCache } from '../../lib/render-cache.js';
import { jsonResponse, NoContent, PageQuery } from '../../lib/schemas.js';
import type { Clock } from '../../lib/time.js';
import { requireRole, SECURITY, staffKeyId } from '../../plugins/auth.js';
import { toArticleSummary } from '../articles/article-resource.js';
import { ArticlePage } from '../articles/articles.schemas.js';
import type { ChangesService } from '../changes/changes.service.js';
import {
  CreateEntityBody,
  EntityPage,
  EntityParams,
  EntitySchema,
  ListEntitiesQuery,
  MergeEntityBody,
  PatchEntityBody,
  RelatedEntityList,
} from './entities.schemas.js';
import type { EntitiesService } from './entities.service.js';
import type { EntityLinksService } from './entity-links.service.js';
import type { EntityRow, EntitySummary } from './entity-resource.js';

const TAGS = ['entities'];

export const entitiesRoutes: FastifyPluginAsyncZod<{
  entities: EntitiesService;
  links: EntityLinksService;
  changes: ChangesService;
  clock: Clock;
  rendered: RenderCache;
}> = async (app, { entities, links, changes, clock, rendered }) => {
  const presentOne = (row: EntityRow) => entities.present([row])[0] as z.infer<typeof EntitySchema>;

  app.get('/v1/entities', {
    schema: {
      operationId: 'listEntities',
      summary: 'List entities, most mentioned first or by name',
      tags: TAGS,
      security: SECURITY.public,
      querystring: ListEntitiesQuery,
      response: { 200: jsonResponse(EntityPage, 'A page of entities'), ...problemResponses(400, 401) },
    },
    handler: async (request, reply) => {
      // Every change to an entity, its names or its articles moves the content version.
      return rendered.send(request, reply, `entities ${changes.currentVersion().tag} ${request.url}`, () => {
        const page = entities.list(request.query);
        return { payload: { data: entities.present(page.rows), next_cursor: page.nextCursor }, nextCursor: page.nextCursor };
      });
    },
  });

  app.post('/v1/entities', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'createEntity',
      summary: 'Create an entity; articles mentioning it link to it as they are written',
      tags: TAGS,
      security: SECURITY.staff,
      body: CreateEntityBody,
      response: { 201: jsonResponse(EntitySchema, 'The created entity'), ...problemResponses(400, 401, 403, 409, 413, 415) },
    },
    handler: async (request, reply) => {
      const row = entities.create(request.body);
      return reply.code(201).header('location', `/v1/entities/${row.id}`).send(presentOne(row));
    },
  });

  app.get('/v1/entities/:id', {
    schema: {
      operationId: 'getEntity',
      summary: 'Read an entity by id or slug; the slug of a merged entity redirects (301) to the survivor',
      tags: TAGS,
      security: SECURITY.public,
      params: EntityParams,
      response: {
        200: jsonResponse(EntitySchema, 'The entity'),
        301: NoContent.describe('Merged into another entity: Location names the survivor'),
        ...problemResponses(401, 404),
      },
    },
    handler: async (request, reply) => {
      // The version first: a write landing before the row is read makes the body newer than
      // its key, never older. Every change to an entity, its names, its links or its articles
      // (a go-live included) moves it; a new entity has a new seq.
      const { tag } = changes.currentVersion();
      const found = entities.get(request.params.id, { followMoves: true });
      if (found.movedFrom !== undefined) return reply.redirect(`/v1/entities/${found.row.slug}`, 301);
      return rendered.send(request, reply, `entity ${tag} ${found.row.seq}`, () => ({ payload: presentOne(found.row), nextCursor: null }));
    },
  });

  app.patch('/v1/entities/:id', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'updateEntity',
      summary: 'Rename an entity or edit its type, aliases, description or Wikidata id',
      tags: TAGS,
      security: SECURITY.staff,
      params: EntityParams,
      body: PatchEntityBody,
      response: { 200: jsonResponse(EntitySchema, 'The updated entity'), ...problemResponses(400, 401, 403, 404, 413, 415) },
    },
    handler: async (request) => presentOne(entities.update(request.params.id, request.body)),
  });

  app.delete('/v1/entities/:id', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'deleteEntity',
      summary: 'Delete an entity and its links (articles stay); extraction will not propose it again',
      tags: TAGS,
      security: SECURITY.staff,
      params: EntityParams,
      response: { 204: NoContent, ...problemResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      entities.remove(request.params.id);
      return reply.code(204).send();
    },
  });

  app.post('/v1/entities/:id/merge', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'mergeEntity',
      summary: 'Merge this entity into another: links, names and slugs move to the survivor',
      tags: TAGS,
      security: SECURITY.staff,
      params: EntityParams,
      body: MergeEntityBody,
      response: { 200: jsonResponse(EntitySchema, 'The surviving entity'), ...problemResponses(400, 401, 403, 404, 413, 415) },
    },
    handler: async (request) => presentOne(entities.merge(request.params.id, request.body.into, staffKeyId(request))),
  });

  app.get('/v1/entities/:id/articles', {
    schema: {
      operationId: 'listEntityArticles',
      summary: 'Published articles that mention an entity, newest first',
      tags: TAGS,
      security: SECURITY.public,
      params: EntityParams,
      querystring: PageQuery,
      response: { 200: jsonResponse(ArticlePage, 'A page of article summaries'), ...problemResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      // Every change to links, articles or entities moves the content version.
      return rendered.send(request, reply, `entity-articles ${changes.currentVersion().tag} ${request.url}`, () => {
        const { row } = entities.get(request.params.id, { followMoves: true });
        const page = links.articlesOf(row.seq, request.query);
        const now = clock();
        return { payload: { data: page.rows.map((article) => toArticleSummary(article, now)), next_cursor: page.nextCursor }, nextCursor: page.nextCursor };
      });
    },
  });

  app.get('/v1/entities/:id/related', {
    schema: {
      operationId: 'listRelatedEntities',
      summary: 'Entities that appear with this one, strongest relation first',
      description: 'Counted over the entity’s 500 most recent published articles.',
      tags: TAGS,
      security: SECURITY.public,
      params: EntityParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: jsonResponse(RelatedEntityList, 'Related entities'), ...problemResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      // Counted over up to 500 articles per request (~5 ms): kept under the content version,
      // which every change to links, articles or entities moves.
      return rendered.send(request, reply, `entity-related ${changes.currentVersion().tag} ${request.url}`, () => {
        const { row } = entities.get(request.params.id, { followMoves: true });
        const related = links.related(row.seq, request.query.limit);
        const summaries = entities.summarize(related.map((r) => r.entity));
        const data = related.map((r, i) => ({ ...(summaries[i] as EntitySummary), shared_articles: r.sharedArticles, weight: Math.round(r.weight * 1000) / 1000 }));
        return { payload: { data }, nextCursor: null };
      });
    },
  });
};
