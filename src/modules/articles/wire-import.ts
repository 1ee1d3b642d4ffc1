import { Problem } from '../../lib/problem.js';
import type { ArticleRow } from './article-resource.js';
import { CreateArticleBody, type CreateArticleInput } from './articles.schemas.js';
import type { ArticlesService } from './articles.service.js';
import { parseWireCopy, WireCopyError } from './wire-copy.js';

export interface ImportOptions {
  publish: boolean;
  slug?: string | undefined;
  section?: string | undefined;
}

/** How a kind of import names its failures: a stable problem code and a title for humans. */
export interface ImportProblem {
  code: string;
  title: string;
}

const WIRE_COPY: ImportProblem = { code: 'unparseable-wire-copy', title: 'Wire copy cannot be imported' };

const unimportable = (kind: ImportProblem, errors: { field: string; message: string }[]) =>
  new Problem(
    400,
    kind.code,
    kind.title,
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors.map((e) => ({ in: 'body' as const, ...e })),
  );

/**
 * Checks an imported article against the same schema as a JSON create, so an import can never
 * store what the API would refuse; a 400 problem names every bad field.
 */
export function validImport(candidate: unknown, kind: ImportProblem): CreateArticleInput {
  const input = CreateArticleBody.safeParse(candidate);
  if (!input.success) {
    throw unimportable(kind, input.error.issues.map((issue) => ({ field: issue.path.join('.') || '(root)', message: issue.message })));
  }
  return input.data;
}

/**
 * Creates an article from raw wire copy. Importing the same story twice is a 409 (its slug is
 * taken), which makes re-running an import safe.
 */
export function importWireCopy(articles: ArticlesService, text: string, options: ImportOptions, actor: string | null): ArticleRow {
  let wire;
  try {
    wire = parseWireCopy(text);
  } catch (error) {
    if (error instanceof WireCopyError) throw unimportable(WIRE_COPY, [{ field: error.field, message: error.message }]);
    throw error;
  }
  const input = validImport(
    {
      title: wire.title,
      slug: options.slug,
      standfirst: wire.standfirst,
      body: wire.body,
      dateline: wire.dateline,
      authors: wire.byline.map((name) => ({ name })),
      section: options.section ?? null,
      status: options.publish ? 'published' : 'draft',
    },
    WIRE_COPY,
  );
  return articles.create(input, actor, { onSlugTaken: 'conflict' });
}
