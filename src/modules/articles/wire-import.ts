import { Problem } from '../../lib/problem.js';
import type { ArticleRow } from './article-resource.js';
import { CreateArticleBody } from './articles.schemas.js';
import type { ArticlesService } from './articles.service.js';
import { parseWireCopy, WireCopyError } from './wire-copy.js';

export interface ImportOptions {
  publish: boolean;
  slug?: string | undefined;
  section?: string | undefined;
}

/**
 * Creates an article from raw wire copy. The parsed parts go through the same schema as a
 * JSON create, so an import can never store what the API would refuse. Importing the same
 * story twice is a 409 (its slug is taken), which makes re-running an import safe.
 */
export function importWireCopy(articles: ArticlesService, text: string, options: ImportOptions, actor: string | null): ArticleRow {
  let wire;
  try {
    wire = parseWireCopy(text);
  } catch (error) {
    if (error instanceof WireCopyError) {
      throw new Problem(400, 'unparseable-wire-copy', 'Wire copy cannot be imported', `${error.field}: ${error.message}`, [
        { in: 'body', field: error.field, message: error.message },
      ]);
    }
    throw error;
  }
  const input = CreateArticleBody.safeParse({
    title: wire.title,
    slug: options.slug,
    standfirst: wire.standfirst,
    body: wire.body,
    dateline: wire.dateline,
    authors: wire.byline.map((name) => ({ name })),
    section: options.section ?? null,
    status: options.publish ? 'published' : 'draft',
  });
  if (!input.success) {
    const errors = input.error.issues.map((issue) => ({ in: 'body' as const, field: issue.path.join('.'), message: issue.message }));
    throw new Problem(400, 'unparseable-wire-copy', 'Wire copy cannot be imported', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return articles.create(input.data, actor, { onSlugTaken: 'conflict' });
}
