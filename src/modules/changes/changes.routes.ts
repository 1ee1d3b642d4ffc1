import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isListNotModified, NotModified } from '../../lib/http-cache.js';
import { setNextLink } from '../../lib/links.js';
import { problemResponses } from '../../lib/problem.js';
import { jsonResponse } from '../../lib/schemas.js';
import { toIso } from '../../lib/time.js';
import { isStaff, SECURITY } from '../../plugins/auth.js';
import { ChangePage, ChangesQuery } from './changes.schemas.js';
import type { ChangesService } from './changes.service.js';

export const changesRoutes: FastifyPluginAsyncZod<{ changes: ChangesService }> = async (app, { changes }) => {
  app.get('/v1/changes', {
    schema: {
      operationId: 'listChanges',
      summary: 'Every change to articles (and entity merges), oldest first, to mirror Dateline by polling',
      description:
        'Creates, updates, publishes, unpublishes and deletes of articles, and merges of entities (with `merged_into`), ' +
        'in the order they happened; deletes and unpublishes are ' +
        'tombstones carrying only id and slug. Start without `since`, then always pass the last `next_cursor`. ' +
        'Without an editor key only changes to published articles are listed: a publish, the updates while public, ' +
        'and the unpublish or delete that ends it. For a create, update or publish, read the article for its content; ' +
        'a 404 there means a later change removes it. Answers 304 to a conditional poll when nothing changed.',
      tags: ['feeds'],
      security: SECURITY.optionalStaff,
      querystring: ChangesQuery,
      response: { 200: jsonResponse(ChangePage, 'A page of changes'), 304: NotModified, ...problemResponses(400, 401) },
    },
    handler: async (request, reply) => {
      const staff = isStaff(request, 'editor');
      if (isListNotModified(request, reply, changes.editorialVersion(), staff)) return reply.code(304).send();
      const page = changes.list(request.query, { staff });
      if (page.hasMore) setNextLink(request, reply, page.nextCursor, 'since');
      return {
        data: page.rows.map((row) => ({
          kind: row.kind,
          resource: row.resource,
          id: row.resourceId,
          slug: row.slug,
          ...(row.targetId === null ? {} : { merged_into: row.targetId }),
          revision: row.revision,
          at: toIso(row.at),
        })),
        next_cursor: page.nextCursor,
        has_more: page.hasMore,
      };
    },
  });
};
