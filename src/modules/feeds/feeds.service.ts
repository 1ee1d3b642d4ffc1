import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { keptWhileUnchanged } from '../../db/generation.js';
import { articles, articleTags } from '../../db/schema.js';
import { inlineCount } from '../../db/inline.js';
import type { ContentVersion } from '../../lib/http-cache.js';
import { keptValues } from '../../lib/kept-values.js';
import { notFound } from '../../lib/problem.js';
import { slugify } from '../../lib/slug.js';
import type { Clock } from '../../lib/time.js';
import type { ArticleRow } from '../articles/article-resource.js';
import type { ArticlesService } from '../articles/articles.service.js';
import type { FeedScope } from './feed-document.js';

export type FeedsService = ReturnType<typeof createFeedsService>;

// Section and tag names kept per editorial version: a site has a few hundred at most.
const SCOPES_KEPT = 1000;

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
  const keptScopes = keptValues<FeedScope | null>(SCOPES_KEPT);
  const keptEntityScopes = keptWhileUnchanged<FeedScope | null>(deps.database.generation, SCOPES_KEPT);
  const sectionName = db
    .select({ section: articles.section })
    .from(articles)
    .where(and(eq(articles.sectionSlug, sql.placeholder('slug')), eq(articles.status, 'published'), lte(articles.sortAt, sql.placeholder('now'))))
    .orderBy(desc(articles.sortAt))
    .limit(inlineCount(1))
    .prepare();
  const tagNames = db
    .select({ tags: articles.tags })
    .from(articleTags)
    .innerJoin(articles, eq(articles.seq, articleTags.articleSeq))
    .where(and(eq(articleTags.tagSlug, sql.placeholder('slug')), eq(articleTags.status, 'published'), lte(articleTags.sortAt, sql.placeholder('now'))))
    .orderBy(desc(articleTags.sortAt))
    .limit(inlineCount(1))
    .prepare();

  function namedScope(kind: 'section' | 'tag', nameOrSlug: string): FeedScope | null {
    const slug = slugify(nameOrSlug);
    const at = { slug, now: deps.clock() };
    const name = kind === 'section' ? sectionName.get(at)?.section : tagNames.get(at)?.tags.find((tag) => slugify(tag) === slug);
    return slug && name != null ? { kind, slug, name } : null;
  }

  /**
   * A section or tag exists for feeds while a published article carries it; its display name
   * is the one the newest such article uses (the URL names it by slug). An entity exists while
   * the entity does (its feed may be empty). Unknown: 404.
   * `editorial`: the editorial version now. Which sections and tags exist changes only with it
   * (a write or a go-live), so their names are kept per version: every poll of a section's
   * feed, 304s included, asks, and the newest article's row is long (its body comes first).
   * Creating an entity moves no version, so entities are looked up each time (a primary key).
   */
  function resolveScope(kind: 'section' | 'tag' | 'entity', nameOrSlug: string, editorial: ContentVersion): FeedScope {
    if (kind === 'entity') {
      // Creating an entity moves no version, but it is a commit: kept under the generation,
      // a new entity's feed answers at once, and a poll of a known one looks nothing up.
      const scope = keptEntityScopes(nameOrSlug, () => {
        const entity = deps.findEntity(nameOrSlug);
        return entity ? { kind, slug: entity.slug, name: entity.name } : null;
      });
      if (!scope) throw notFound(`The entity "${nameOrSlug}"`);
      return scope;
    }
    const scope = keptScopes(`${editorial.tag} ${kind} ${nameOrSlug}`, () => namedScope(kind, nameOrSlug));
    if (!scope) throw notFound(`The ${kind} "${nameOrSlug}"`);
    return scope;
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
