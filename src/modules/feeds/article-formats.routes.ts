import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fingerprint, isNotModified, NotModified, sentValidatorsHold, type Validators } from '../../lib/http-cache.js';
import { keptValues } from '../../lib/kept-values.js';
import { problemResponses } from '../../lib/problem.js';
import type { RenderCache } from '../../lib/render-cache.js';
import type { Clock } from '../../lib/time.js';
import { isStaff, SECURITY } from '../../plugins/auth.js';
import { articleEtag, type ArticleHead, articleValidators, type ArticleRow } from '../articles/article-resource.js';
import { IdOrSlugParams } from '../articles/articles.schemas.js';
import type { ArticlesService } from '../articles/articles.service.js';
import type { ChangesService } from '../changes/changes.service.js';
import type { ArticleEntitiesSource, ArticleEntity } from './article-entities.js';
import { NewsArticleJsonLd, Ninjs } from './article-formats.schemas.js';
import type { SiteUrls } from './feed-document.js';
import { toNewsArticleJsonLd } from './jsonld.js';
import { toNinjs } from './ninjs.js';

/** Validators kept for this many article formats; the oldest is dropped first. */
const VALIDATORS_KEPT = 5000;

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
 * (about/mentions, people/organisations/places). As for the article itself, a read looks at the
 * article's head first and fetches and renders the whole article only when no kept body has its
 * ETag.
 */
export const articleFormatsRoutes: FastifyPluginAsyncZod<{
  articles: ArticlesService;
  clock: Clock;
  site: SiteUrls;
  entitiesOf: ArticleEntitiesSource;
  changes: Pick<ChangesService, 'editorialVersion'>;
  rendered: RenderCache;
}> = async (app, { articles, clock, site, entitiesOf, changes, rendered }) => {
  // The entities an article names change without the article changing (a link, a rename, a
  // merge), so they are part of a format's ETag; reading them costs more than the rest of the
  // request. Every such change moves the editorial version, so the validators are kept per
  // article version and editorial version, and worked out again only when one of them moves
  // (readers' comments move neither, except this article's own count, in its ETag).
  const kept = keptValues<Validators>(VALIDATORS_KEPT);
  const validatorsOf = (suffix: string, head: ArticleHead, now: number): Validators =>
    kept(`${suffix} ${head.seq} ${articleEtag(head, now)} ${changes.editorialVersion().tag}`, () =>
      formatValidators(suffix, head, entitiesOf(head), now),
    );

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
        const head = articles.getHead(request.params.id, { staff });
        const now = clock();
        const validators = validatorsOf(suffix, head, now);
        if (isNotModified(request, reply, validators, staff)) return reply.code(304).send();
        const key = staff ? null : `${suffix} ${head.seq} ${validators.etag}`;
        return rendered.send(
          request,
          reply,
          key,
          () => {
            const row = articles.get(head.id, { staff });
            const entities = entitiesOf(row);
            // Another process may have written the article since its head was read.
            const keep = sentValidatorsHold(reply, validators, formatValidators(suffix, row, entities, now));
            return { payload: format.render(row, entities, now, site), nextCursor: null, keep };
          },
          format.mediaType,
        );
      },
    });
  }
};

function formatValidators(suffix: string, head: ArticleHead, entities: ArticleEntity[], now: number): Validators {
  const validators = articleValidators(head, now);
  // Only what the formats show of an entity: its article count, say, moves whenever another
  // article names it, and must not make this representation look new.
  const shown = entities.map((entity) => [entity.name, entity.type, entity.wikidata_qid ?? null, entity.salience]);
  return { ...validators, etag: `"${suffix}-${fingerprint(validators.etag, JSON.stringify(shown))}"` };
}
