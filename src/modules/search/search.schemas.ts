import { z } from 'zod';
import { PageQuery, pageOf } from '../../lib/schemas.js';
import { ArticleSummarySchema } from '../articles/articles.schemas.js';

export const SearchQuery = PageQuery.extend({
  q: z
    .string()
    .min(1)
    .max(500)
    .describe('Words (all must match), "exact phrases" and prefix* terms. Operators are searched as words.'),
});

export const SearchHitSchema = ArticleSummarySchema.extend({
  snippet: z.string().describe('HTML-escaped excerpt with matches wrapped in <mark>…</mark>'),
  score: z.number().describe('Relevance; higher is better'),
}).meta({ id: 'SearchHit' });

export const SearchPage = pageOf(SearchHitSchema);
