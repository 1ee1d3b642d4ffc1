import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { articles, articleTags } from '../../db/schema.js';
import { notFound } from '../../lib/problem.js';
import { slugify } from '../../lib/slug.js';
import type { Clock } from '../../lib/time.js';
import type { ArticleRow } from '../articles/article-resource.js';
import type { ArticlesService } from '../articles/articles.service.js';
import type { FeedScope } from './feed-document.js';

export type FeedsService = ReturnType<typeof createFeedsService>;

/** Feeds carry published articles only, whoever asks: they are made to be shared. */
export function createFeedsService(deps: {
  database: DatabaseHandle;
  clock: Clock;
  articles: ArticlesService;
  /** Finds an entity by id or slug (an old slug of a merged entity finds the survivor). */
  findEntity: (idOrSlug: string) => { slug: string; name: string } | undefined;
}) {
  const { db } = deps.database;
  const PUBLIC = { staff: false };

  /**
   * A section or tag exists for feeds while a published article carries it; its display name
   * is the one the newest such article uses (the URL names it by slug). An entity exists while
   * the entity does (its feed may be empty). Unknown: 404.
   */
  function resolveScope(kind: 'section' | 'tag' | 'entity', nameOrSlug: string): FeedScope {
    if (kind === 'entity') {
      const entity = deps.findEntity(nameOrSlug);
      if (!entity) throw notFound(`The entity "${nameOrSlug}"`);
      return { kind, slug: entity.slug, name: entity.name };
    }
    const slug = slugify(nameOrSlug);
    const now = deps.clock();
    const name =
      kind === 'section'
        ? db
            .select({ section: articles.section })
            .from(articles)
            .where(and(eq(articles.sectionSlug, slug), eq(articles.status, 'published'), lte(articles.sortAt, now)))
            .orderBy(desc(articles.sortAt))
            .limit(1)
            .get()?.section
        : db
            .select({ tags: articles.tags })
            .from(articleTags)
            .innerJoin(articles, eq(articles.seq, articleTags.articleSeq))
            .where(and(eq(articleTags.tagSlug, slug), eq(articleTags.status, 'published'), lte(articleTags.sortAt, now)))
            .orderBy(desc(articleTags.sortAt))
            .limit(1)
            .get()
            ?.tags.find((tag) => slugify(tag) === slug);
    if (!slug || name == null) throw notFound(`The ${kind} "${nameOrSlug}"`);
    return { kind, slug, name };
  }

  /** A page of the scope's published articles, newest first, with their bodies. */
  function page(scope: FeedScope, query: { limit: number; cursor?: string | undefined }): { rows: ArticleRow[]; nextCursor: string | null } {
    const filter = { ...query, ...(scope.kind === 'all' ? {} : scope.kind === 'entity' ? { entity: [scope.slug] } : { [scope.kind]: scope.slug }) };
    const summaries = deps.articles.list(filter, PUBLIC);
    const seqs = summaries.rows.map((row) => row.seq);
    const bySeq = new Map(
      seqs.length === 0 ? [] : db.select().from(articles).where(inArray(articles.seq, seqs)).all().map((row) => [row.seq, row]),
    );
    return { rows: seqs.flatMap((seq) => bySeq.get(seq) ?? []), nextCursor: summaries.nextCursor };
  }

  return { resolveScope, page };
}
