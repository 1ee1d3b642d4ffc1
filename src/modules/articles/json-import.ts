import type { ArticleRow } from './article-resource.js';
import type { ArticlesService } from './articles.service.js';
import { validImport, type ImportOptions } from './wire-import.js';

const JSON_ARTICLE = { code: 'invalid-article', title: 'Article cannot be imported' };

/**
 * A news item as exported by other tools (the shape of the sample articles shipped with the
 * tests): `byline` and `published` mark it; unknown fields such as annotations are ignored.
 */
interface NewsItem {
  title?: unknown;
  standfirst?: unknown;
  body?: unknown;
  dateline?: unknown;
  byline?: unknown;
  published?: unknown;
  source?: unknown;
}

const isNewsItem = (value: object): value is NewsItem => 'byline' in value || 'published' in value;

const toAuthors = (byline: unknown): unknown =>
  byline === null || byline === undefined ? [] : (Array.isArray(byline) ? byline : [byline]).map((name) => ({ name }));

// A bare date is read as midnight UTC; anything else is left to the schema to accept or name.
const toPublishedAt = (published: unknown): unknown =>
  typeof published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(published) ? `${published}T00:00:00Z` : (published ?? null);

function fromNewsItem(item: NewsItem, options: ImportOptions): Record<string, unknown> {
  const publish = options.publish;
  return {
    title: item.title,
    standfirst: item.standfirst ?? null,
    body: item.body,
    dateline: item.dateline ?? null,
    authors: toAuthors(item.byline),
    status: publish ? 'published' : 'draft',
    published_at: publish ? toPublishedAt(item.published) : null,
    canonical_url: typeof item.source === 'string' && /^https?:\/\//.test(item.source) ? item.source : null,
    section: options.section ?? null,
  };
}

/**
 * Creates an article from one JSON object: either the API's create-article body, or a news item
 * (see NewsItem). The import options fill in what the object leaves out (status, section).
 * Like a wire-copy import, a second import of the same story is a 409 (its slug is taken).
 */
export function importJsonArticle(articles: ArticlesService, value: unknown, options: ImportOptions, actor: string | null): ArticleRow {
  let candidate: unknown = value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    candidate = isNewsItem(value)
      ? fromNewsItem(value, options)
      : {
          ...(options.publish ? { status: 'published' } : {}),
          ...(options.section === undefined ? {} : { section: options.section }),
          ...value,
        };
  }
  return articles.create(validImport(candidate, JSON_ARTICLE), actor, { onSlugTaken: 'conflict' });
}
