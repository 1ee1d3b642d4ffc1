import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/problem.js';
import type { RenderCache } from '../../lib/render-cache.js';
import { jsonResponse, NoContent } from '../../lib/schemas.js';
import { isStaff, requireRole, SECURITY } from '../../plugins/auth.js';
import { IdOrSlugParams } from '../articles/articles.schemas.js';
import type { ArticlesService } from '../articles/articles.service.js';
import type { ChangesService } from '../changes/changes.service.js';
import { ArticleEntityList, ArticleEntityParams } from './entities.schemas.js';
import type { ArticleEntityPresenter } from './article-entities.js';
import type { EntityLinksService } from './entity-links.service.js';

const TAGS = ['entities'];

/** An article's entities: read by anyone who may read the article, pinned and removed by editors. */
export const entityLinksRoutes: FastifyPluginAsyncZod<{
  articles: ArticlesService;
  links: EntityLinksService;
  present: ArticleEntityPresenter;
  changes: ChangesService;
  rendered: RenderCache;
}> = async (app, { articles, links, present, changes, rendered }) => {
  app.get('/v1/articles/:id/entities', {
    schema: {
      operationId: 'listArticleEntities',
      summary: 'The entities an article mentions, most salient first',
      tags: TAGS,
      security: SECURITY.optionalStaff,
      params: IdOrSlugParams,
      response: { 200: jsonResponse(ArticleEntityList, 'Linked entities'), ...problemResponses(401, 404) },
    },
    handler: async (request, reply) => {
      const staff = isStaff(request, 'editor');
      // The public's view is kept under the content version, which a change to the article,
      // its links or its entities moves; editors may see drafts, and their views are not kept.
      const key = staff ? null : `article-entities ${changes.currentVersion().tag} ${request.url}`;
      return rendered.send(request, reply, key, () => {
        const article = articles.get(request.params.id, { staff });
        return { payload: { data: present([article.seq]).get(article.seq) ?? [] }, nextCursor: null };
      });
    },
  });

  app.put('/v1/articles/:id/entities/:entity_id', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'linkArticleEntity',
      summary: 'Pin an entity to an article; re-extraction keeps the link',
      tags: TAGS,
      security: SECURITY.staff,
      params: ArticleEntityParams,
      response: { 200: jsonResponse(ArticleEntityList, 'The article’s entities after the change'), ...problemResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const article = articles.get(request.params.id, { staff: true });
      links.setLink(article, request.params.entity_id, true);
      return { data: present([article.seq]).get(article.seq) ?? [] };
    },
  });

  app.delete('/v1/articles/:id/entities/:entity_id', {
    onRequest: requireRole('editor'),
    schema: {
      operationId: 'unlinkArticleEntity',
      summary: 'Remove an entity from an article; re-extraction will not bring it back',
      tags: TAGS,
      security: SECURITY.staff,
      params: ArticleEntityParams,
      response: { 204: NoContent, ...problemResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const article = articles.get(request.params.id, { staff: true });
      links.setLink(article, request.params.entity_id, false);
      return reply.code(204).send();
    },
  });
};
