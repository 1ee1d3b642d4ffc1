import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fingerprint, isNotModified, NotModified } from '../../lib/http-cache.js';
import { problemResponses } from '../../lib/problem.js';
import type { Clock } from '../../lib/time.js';
import { isStaff, SECURITY } from '../../plugins/auth.js';
import { articleValidators, type ArticleRow } from '../articles/article-resource.js';
import { IdOrSlugParams } from '../articles/articles.schemas.js';
import type { ArticlesService } from '../articles/articles.service.js';
import type { ArticleEntitiesSource, ArticleEntity } from './article-entities.js';
import { NewsArticleJsonLd, Ninjs } from './article-formats.schemas.js';
import type { SiteUrls } from './feed-document.js';
import { toNewsArticleJsonLd } from './jsonld.js';
import { toNinjs } from './ninjs.js';

const FORMATS = {
  jsonld: {
    operationId: 'getArticleJsonLd',
    summary: 'The article as schema.org NewsArticle JSON-LD',
    mediaType: 'application/ld+json',
    schema: NewsArticleJsonLd,
    render: (row: ArticleRow, entities: ArticleEntity[], _now: number, site: SiteUrls) => toNewsArticleJsonLd(row, entities, site),
  },
  ninjs: {
    operationId: 'getArticleNinjs',
    summary: 'The article as an IPTC ninjs 2.1 news item',
    mediaType: 'application/json',
    schema: Ninjs,
    render: (row: ArticleRow, entities: ArticleEntity[], now: number) => toNinjs(row, entities, now),
  },
} as const;

/**
 * Per-article syndication formats. `entitiesOf` supplies the entities an article names
 * (about/mentions, people/organisations/places).
 */
export const articleFormatsRoutes: FastifyPluginAsyncZod<{
  articles: ArticlesService;
  clock: Clock;
  site: SiteUrls;
  entitiesOf: ArticleEntitiesSource;
}> = async (app, { articles, clock, site, entitiesOf }) => {
  for (const [suffix, format] of Object.entries(FORMATS)) {
    app.get(`/v1/articles/:id/${suffix}`, {
      schema: {
        operationId: format.operationId,
        summary: format.summary,
        description: 'Published articles for everyone, every status for editors. Conditional GETs as for the article itself.',
        tags: ['feeds'],
        security: SECURITY.optionalStaff,
        params: IdOrSlugParams,
        response: {
          200: { description: format.summary, content: { [format.mediaType]: { schema: format.schema } } },
          304: NotModified,
          ...problemResponses(401, 404),
        },
      },
      handler: async (request, reply) => {
        const staff = isStaff(request, 'editor');
        const row = articles.get(request.params.id, { staff });
        const now = clock();
        const entities = entitiesOf(row);
        const validators = articleValidators(row, now);
        // The entities are part of the representation but not of the article's revision.
        const etag = `"${suffix}-${fingerprint(validators.etag, JSON.stringify(entities))}"`;
        if (isNotModified(request, reply, { ...validators, etag }, staff)) {
          return reply.code(304).send();
        }
        return reply.type(`${format.mediaType}; charset=utf-8`).send(format.render(row, entities, now, site));
      },
    });
  }
};
