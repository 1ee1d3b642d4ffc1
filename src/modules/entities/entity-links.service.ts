import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { writeTransaction, type DatabaseHandle } from '../../db/client.js';
import { articles, entities, mentions } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import { cutPage, decodeCursor } from '../../lib/cursor.js';
import type { Clock } from '../../lib/time.js';
import { articleSummaryColumns, type ArticleRow } from '../articles/article-resource.js';
import type { EntitiesService } from './entities.service.js';
import type { MentionStore } from './mention-store.js';

// Relatedness looks at an entity's most recent coverage: what it is connected to now, at a bounded cost.
const RELATED_WINDOW = 500;

const linkColumns = {
  entity: entities,
  mentionCount: mentions.mentionCount,
  firstOffset: mentions.firstOffset,
  salience: mentions.salience,
  origin: mentions.origin,
};

export type EntityLinksService = ReturnType<typeof createEntityLinksService>;

/** The API side of article–entity links: reading them, editors' pins and removals, entity pages. */
export function createEntityLinksService(deps: {
  database: DatabaseHandle;
  clock: Clock;
  entities: EntitiesService;
  mentions: MentionStore;
  touchContent: (at: number) => void;
}) {
  const { database, clock } = deps;
  const { db } = database;

  /** Linked entities of each article, most salient first; one query for a whole page of articles. */
  function linksOf(articleSeqs: number[]) {
    const byArticle = new Map<number, ReturnType<typeof linkRows>>(articleSeqs.map((seq) => [seq, []]));
    if (articleSeqs.length === 0) return byArticle;
    for (const row of linkRows(articleSeqs)) byArticle.get(row.articleSeq)?.push(row);
    return byArticle;
  }

  function linkRows(articleSeqs: number[]) {
    return db
      .select({ articleSeq: mentions.articleSeq, ...linkColumns })
      .from(mentions)
      .innerJoin(entities, eq(entities.seq, mentions.entitySeq))
      .where(and(inArray(mentions.articleSeq, articleSeqs), eq(mentions.linked, inlineConstant(true))))
      .orderBy(asc(mentions.articleSeq), desc(mentions.salience), asc(entities.nameKey))
      .all();
  }

  /** An editor links (pins) or unlinks an entity; the decision survives re-extraction. */
  function setLink(article: ArticleRow, entityIdOrSlug: string, linked: boolean): void {
    writeTransaction(database, () => {
      const { row } = deps.entities.get(entityIdOrSlug);
      deps.mentions.withCountsKept(article.seq, () => deps.mentions.setEditorLink(article.seq, row.seq, linked));
      deps.touchContent(clock());
    });
  }

  /** Published articles mentioning the entity, newest first. */
  function articlesOf(entitySeq: number, page: { limit: number; cursor?: string | undefined }) {
    const where: (SQL | undefined)[] = [
      eq(mentions.entitySeq, entitySeq),
      eq(mentions.linked, inlineConstant(true)),
      eq(mentions.status, 'published'),
      sql`${mentions.sortAt} <= ${clock()}`,
    ];
    if (page.cursor !== undefined) {
      const [sortAt, seq] = decodeCursor(page.cursor, ['number', 'number'] as const);
      where.push(sql`(${mentions.sortAt}, ${mentions.articleSeq}) < (${sortAt}, ${seq})`);
    }
    const rows = db
      .select(articleSummaryColumns)
      .from(mentions)
      .innerJoin(articles, eq(articles.seq, mentions.articleSeq))
      .where(and(...where))
      .orderBy(desc(mentions.sortAt), desc(mentions.articleSeq))
      .limit(inlineCount(page.limit + 1))
      .all();
    return cutPage(rows, page.limit, (last) => [last.sortAt, last.seq]);
  }

  /**
   * Entities that appear beside this one in its latest published articles, ranked by the
   * sum over shared articles of the product of both saliences.
   */
  function related(entitySeq: number, limit: number) {
    const recent = sql`select article_seq from mentions
      where entity_seq = ${entitySeq} and linked = 1 and status = 'published' and sort_at <= ${clock()}
      order by sort_at desc limit ${RELATED_WINDOW}`;
    const own = db.$with('own').as(
      db.select({ articleSeq: mentions.articleSeq, salience: mentions.salience }).from(mentions).where(and(eq(mentions.entitySeq, entitySeq), eq(mentions.linked, inlineConstant(true)), sql`${mentions.articleSeq} in (${recent})`)),
    );
    const weight = sql<number>`sum(${mentions.salience} * own.salience)`;
    return db
      .with(own)
      .select({ entity: entities, sharedArticles: sql<number>`count(*)`, weight })
      .from(own)
      .innerJoin(mentions, and(eq(mentions.articleSeq, own.articleSeq), eq(mentions.linked, inlineConstant(true)), sql`${mentions.entitySeq} <> ${entitySeq}`))
      .innerJoin(entities, eq(entities.seq, mentions.entitySeq))
      .groupBy(entities.seq)
      .orderBy(desc(weight), desc(sql`count(*)`), asc(entities.nameKey))
      .limit(inlineCount(limit))
      .all();
  }

  return { linksOf, setLink, articlesOf, related };
}

