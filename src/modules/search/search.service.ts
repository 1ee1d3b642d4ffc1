import { and, asc, desc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DatabaseHandle } from '../../db/client.js';
import { articles, entities, mentions } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { badRequest, notFound } from '../../lib/problem.js';
import type { Clock } from '../../lib/time.js';
import { articleSummaryColumns, type ArticleSummaryRow } from '../articles/article-resource.js';
import type { EntityFinder } from '../articles/articles.service.js';
import { toFtsQuery } from './fts-query.js';
import { MARK_CLOSE, MARK_OPEN } from './snippet.js';

// The FTS5 table is created by a hand-written migration (drizzle-kit cannot express it), so it
// is declared here for queries only, outside the schema that drizzle-kit diffs.
const articlesFts = sqliteTable('articles_fts', {
  rowid: integer('rowid').notNull(),
  title: text('title'),
  standfirst: text('standfirst'),
  bodyText: text('body_text'),
});

// Title matches weigh most, then the standfirst, then the body (bm25 column weights).
const rank = sql<number>`bm25(articles_fts, 10.0, 4.0, 1.0)`;
const snippet = sql<string>`snippet(articles_fts, -1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24)`;

export interface SearchRow {
  article: ArticleSummaryRow;
  snippet: string;
  rank: number;
}

// Facets count the entities of the best hits only: a bounded cost however common the words.
const FACET_WINDOW = 500;
const FACET_COUNT = 10;

export type SearchService = ReturnType<typeof createSearchService>;

export function createSearchService(deps: { database: DatabaseHandle; clock: Clock; findEntity: EntityFinder }) {
  const { db } = deps.database;

  /** The match and visibility conditions shared by the hits and their facets. */
  function matching(q: string, entityRefs: string[]): (SQL | undefined)[] {
    const query = toFtsQuery(q);
    if (!query) throw badRequest('query', 'q', 'must contain at least one letter or digit');
    // The full-text match must lead the plan. Given usable conditions on articles, SQLite drives
    // from the (status, sort_at) index instead — every published article, one full-text probe
    // each: 27 s for a common term at 100,000 articles against 0.5 s. Unary + takes the index away.
    const where: (SQL | undefined)[] = [
      sql`articles_fts match ${query.match}`,
      sql`+${articles.status} = 'published'`,
      sql`+${articles.sortAt} <= ${deps.clock()}`,
    ];
    for (const ref of entityRefs) {
      const entity = deps.findEntity(ref);
      if (!entity) throw notFound(`Entity ${ref}`);
      where.push(sql`exists (select 1 from mentions m where m.article_seq = ${articles.seq} and m.entity_seq = ${entity.seq} and m.linked = 1)`);
    }
    return where;
  }

  /** The entities most mentioned among the best hits. */
  function entityFacets(where: (SQL | undefined)[]) {
    const best = db
      .select({ seq: articles.seq })
      .from(articlesFts)
      .innerJoin(articles, eq(articles.seq, articlesFts.rowid))
      .where(and(...where))
      .orderBy(asc(rank))
      .limit(inlineCount(FACET_WINDOW))
      .as('best');
    const count = sql<number>`count(*)`;
    return db
      .select({ id: entities.id, slug: entities.slug, name: entities.name, type: entities.type, count })
      .from(best)
      .innerJoin(mentions, and(eq(mentions.articleSeq, best.seq), eq(mentions.linked, inlineConstant(true))))
      .innerJoin(entities, eq(entities.seq, mentions.entitySeq))
      .groupBy(entities.seq)
      .orderBy(desc(count), asc(entities.nameKey))
      .limit(inlineCount(FACET_COUNT))
      .all();
  }

  /** Published articles matching `q`, best first (lowest bm25), with an excerpt around the matches. */
  function search(q: string, page: { limit: number; cursor?: string | undefined; entity?: string[] | undefined }) {
    const where = matching(q, page.entity ?? []);
    const facets = page.cursor === undefined ? { entities: entityFacets(where) } : undefined;
    if (page.cursor !== undefined) {
      // The rank travels as text so the cursor keeps every bit of the float.
      const [rankText, seq] = decodeCursor(page.cursor, ['string', 'number'] as const);
      const afterRank = Number(rankText);
      if (!Number.isFinite(afterRank)) throw badRequest('query', 'cursor', 'is not a cursor returned by this API');
      where.push(or(gt(rank, afterRank), and(eq(rank, afterRank), gt(articles.seq, seq))));
    }
    const rows = db
      .select({ article: articleSummaryColumns, snippet, rank })
      .from(articlesFts)
      .innerJoin(articles, eq(articles.seq, articlesFts.rowid))
      .where(and(...where))
      .orderBy(asc(rank), asc(articles.seq))
      .limit(inlineCount(page.limit + 1))
      .all();
    const hits: SearchRow[] = rows.slice(0, page.limit);
    const last = hits[hits.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([String(last.rank), last.article.seq]) : null;
    return { hits, nextCursor, facets };
  }

  return { search };
}
