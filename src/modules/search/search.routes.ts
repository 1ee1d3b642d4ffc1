import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/problem.js';
import type { RenderCache } from '../../lib/render-cache.js';
import { jsonResponse } from '../../lib/schemas.js';
import type { Clock } from '../../lib/time.js';
import { SECURITY } from '../../plugins/auth.js';
import { toArticleSummary } from '../articles/article-resource.js';
import type { ChangesService } from '../changes/changes.service.js';
import { SearchPage, SearchQuery } from './search.schemas.js';
import type { SearchService } from './search.service.js';
import { snippetHtml } from './snippet.js';

export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService; changes: ChangesService; clock: Clock; rendered: RenderCache }> = async (
  app,
  { search, changes, clock, rendered },
) => {
  app.get('/v1/search', {
    schema: {
      operationId: 'searchArticles',
      summary: 'Full-text search over published articles, best match first',
      description:
        'Ranked by BM25 over title, standfirst and body, each hit with a highlighted excerpt. The first page also carries ' +
        'entity facets: the people, organizations and places most mentioned among the best hits; pass one back as `entity` to drill down.',
      tags: ['search'],
      security: SECURITY.public,
      querystring: SearchQuery,
      response: { 200: jsonResponse(SearchPage, 'A page of hits, best first'), ...problemResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      // Hits, snippets, scores and facets change only with articles and entities, which move the content version.
      return rendered.send(request, reply, `search ${changes.currentVersion().tag} ${request.url}`, () => {
        const { q, ...page } = request.query;
        const result = search.search(q, page);
        const now = clock();
        const data = result.hits.map((hit) => ({ ...toArticleSummary(hit.article, now), snippet: snippetHtml(hit.snippet), score: -hit.rank }));
        return { payload: { data, next_cursor: result.nextCursor, ...(result.facets ? { facets: result.facets } : {}) }, nextCursor: result.nextCursor };
      });
    },
  });
};
