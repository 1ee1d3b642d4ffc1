import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isListNotModified, NotModified, type ContentVersion } from '../../lib/http-cache.js';
import { problemResponses } from '../../lib/problem.js';
import type { RenderCache } from '../../lib/render-cache.js';
import { PageQuery } from '../../lib/schemas.js';
import { SECURITY } from '../../plugins/auth.js';
import type { ChangesService } from '../changes/changes.service.js';
import { FEED_FORMATS, feedDocument, type FeedDocument, type FeedFormat, type FeedScope, type SiteUrls } from './feed-document.js';
import type { FeedsService } from './feeds.service.js';
import { toJsonFeed } from './json-feed.js';
import { JsonFeedSchema } from './json-feed.schema.js';
import { toAtom, toRss } from './xml-feeds.js';

const DEFAULT_LIMIT = PageQuery.shape.limit.parse(undefined);

interface FormatSpec {
  name: string;
  operation: string;
  mediaType: string;
  schema: z.ZodType;
  render: (doc: FeedDocument) => unknown;
}

const FORMATS: Record<FeedFormat, FormatSpec> = {
  json: { name: 'JSON Feed 1.1', operation: 'JsonFeed', mediaType: 'application/feed+json', schema: JsonFeedSchema, render: toJsonFeed },
  rss: { name: 'RSS 2.0', operation: 'Rss', mediaType: 'application/rss+xml', schema: z.string().describe('RSS 2.0 XML'), render: toRss },
  atom: {
    name: 'Atom 1.0',
    operation: 'Atom',
    mediaType: 'application/atom+xml',
    schema: z.string().describe('Atom 1.0 XML (RFC 4287)'),
    render: toAtom,
  },
};

const SCOPES = [
  { kind: 'all', path: '/feeds/articles', operation: 'Articles', what: 'all published articles' },
  { kind: 'section', path: '/feeds/sections/:name/articles', operation: 'SectionArticles', what: "a section's published articles" },
  { kind: 'tag', path: '/feeds/tags/:name/articles', operation: 'TagArticles', what: "a tag's published articles" },
  { kind: 'entity', path: '/feeds/entities/:name/articles', operation: 'EntityArticles', what: 'the published articles that mention an entity' },
] as const;

const ScopeParams = z.object({ name: z.string().min(1).max(120).describe('Name or slug (for an entity: slug or id)') });
type FeedQuery = z.infer<typeof PageQuery>;

export const feedsRoutes: FastifyPluginAsyncZod<{ feeds: FeedsService; changes: ChangesService; site: SiteUrls; rendered: RenderCache }> = async (
  app,
  { feeds, changes, site, rendered },
) => {
  async function serve(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, query: FeedQuery, resolve: (editorial: ContentVersion) => FeedScope) {
    // Feeds show no comment counts: readers' comments leave their validators and kept bodies alone.
    const state = changes.editorialVersion();
    const scope = resolve(state);
    if (isListNotModified(request, reply, state, false)) return reply.code(304).send();
    const render = () => {
      const page = feeds.page(scope, query);
      const doc = feedDocument(
        scope,
        page.rows,
        { nextCursor: page.nextCursor, limit: query.limit, defaultLimit: DEFAULT_LIMIT, updated: state.modifiedAt },
        site,
      );
      return { payload: FORMATS[format].render(doc), nextCursor: page.nextCursor };
    };
    return rendered.send(request, reply, `feed ${state.tag} ${request.url}`, render, FORMATS[format].mediaType);
  }

  for (const scope of SCOPES) {
    for (const format of FEED_FORMATS) {
      const { name, operation, mediaType, schema } = FORMATS[format];
      app.get(`${scope.path}.${format}`, {
        schema: {
          operationId: `get${scope.operation}${operation}`,
          summary: `${name} of ${scope.what}, newest first`,
          description:
            'Paged with `cursor` (the next page is linked from the feed and in a `Link: rel="next"` header). ' +
            'Item ids are `urn:uuid:<article id>`, stable for the article\'s life. ' +
            'Send the ETag back in If-None-Match for a 304 while nothing changed; readers\' comments change nothing in a feed.' +
            (scope.kind === 'all' ? '' : ` An unknown ${scope.kind}, or one no published article carries, is a 404.`),
          tags: ['feeds'],
          security: SECURITY.optionalStaff,
          ...(scope.kind === 'all' ? {} : { params: ScopeParams }),
          querystring: PageQuery,
          response: {
            200: { description: `A page of the feed as ${name}`, content: { [mediaType]: { schema } } },
            304: NotModified,
            ...problemResponses(400, 401, ...(scope.kind === 'all' ? [] : [404])),
          },
        },
        handler: (request, reply) =>
          serve(request, reply, format, request.query, (editorial) =>
            scope.kind === 'all' ? { kind: 'all' } : feeds.resolveScope(scope.kind, (request.params as z.infer<typeof ScopeParams>).name, editorial),
          ),
      });
    }
  }
};
