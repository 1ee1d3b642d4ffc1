import { z } from 'zod';
import { PageQuery, pageOf } from '../../lib/schemas.js';
import { ENTITY_TYPES } from '../../lib/vocabulary.js';
import { ArticleSummarySchema } from '../articles/articles.schemas.js';

export const SearchQuery = PageQuery.extend({
  q: z
    .string()
    .min(1)
    .max(500)
    .describe('Words (all must match), "exact phrases" and prefix* terms. Operators are searched as words.'),
  entity: z
    .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1).max(120)).max(5))
    .optional()
    .describe('Entity id or slug; repeat to keep only hits that mention all of them (drill down from a facet)'),
});

export const SearchHitSchema = ArticleSummarySchema.extend({
  snippet: z.string().describe('HTML-escaped excerpt with matches wrapped in <mark>…</mark>'),
  score: z.number().describe('Relevance; higher is better'),
}).meta({ id: 'SearchHit' });

export const EntityFacetSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    type: z.enum(ENTITY_TYPES),
    count: z.number().int().describe('Hits (among the best 500) that mention it'),
  })
  .meta({ id: 'EntityFacet' });

export const SearchPage = pageOf(SearchHitSchema).extend({
  facets: z
    .object({ entities: z.array(EntityFacetSchema).describe('The entities most mentioned among the best 500 hits, most first') })
    .optional()
    .describe('On the first page only (later pages have the same facets)'),
});
