import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { entities, mentions } from '../../db/schema.js';
import { inlineConstant } from '../../db/inline.js';

export interface MentionStats {
  entitySeq: number;
  mentionCount: number;
  firstOffset: number;
  salience: number;
}

/**
 * The article–entity link table and the counters derived from it. Every function runs
 * inside the caller's transaction; `article_count` on entities is kept by adjusting it for
 * exactly the entities whose published links changed.
 */
export function createMentionStore(database: DatabaseHandle) {
  const { db } = database;

  /** Entities linked to an article while it is stored as published (scheduled included). */
  function publishedLinks(articleSeq: number): Set<number> {
    const rows = db
      .select({ entitySeq: mentions.entitySeq })
      .from(mentions)
      .where(and(eq(mentions.articleSeq, articleSeq), eq(mentions.linked, inlineConstant(true)), eq(mentions.status, 'published')))
      .all();
    return new Set(rows.map((row) => row.entitySeq));
  }

  /** Runs `change`, then moves article_count by one for each entity that gained or lost the article. */
  function withCountsKept<T>(articleSeq: number, change: () => T): T {
    const before = publishedLinks(articleSeq);
    const result = change();
    const after = publishedLinks(articleSeq);
    for (const seq of after) if (!before.has(seq)) bump(seq, 1);
    for (const seq of before) if (!after.has(seq)) bump(seq, -1);
    return result;
  }

  function bump(entitySeq: number, delta: number): void {
    db.update(entities).set({ articleCount: sql`${entities.articleCount} + ${delta}` }).where(eq(entities.seq, entitySeq)).run();
  }

  /**
   * Copies the article's status and sort key onto its links (they serve entity pages from one
   * index). Links already in step are left alone: rewriting them moves their index entries.
   */
  function syncArticleState(articleSeq: number): void {
    db.run(sql`update mentions set status = a.status, sort_at = a.sort_at
               from articles a where a.seq = ${articleSeq} and mentions.article_seq = a.seq
               and (mentions.status is not a.status or mentions.sort_at is not a.sort_at)`);
  }

  /**
   * Replaces the article's automatic links with `found`. Editor decisions stay: an entity the
   * editor pinned keeps origin `editor` (its figures are refreshed), one the editor removed
   * stays removed.
   */
  function replaceAutomatic(articleSeq: number, found: MentionStats[]): void {
    const editorRows = new Map(
      db
        .select({ entitySeq: mentions.entitySeq })
        .from(mentions)
        .where(and(eq(mentions.articleSeq, articleSeq), eq(mentions.origin, 'editor')))
        .all()
        .map((row) => [row.entitySeq, true]),
    );
    db.delete(mentions).where(and(eq(mentions.articleSeq, articleSeq), eq(mentions.origin, 'auto'))).run();
    for (const stats of found) {
      const figures = { mentionCount: stats.mentionCount, firstOffset: stats.firstOffset, salience: stats.salience };
      if (editorRows.has(stats.entitySeq)) {
        db.update(mentions).set(figures).where(and(eq(mentions.articleSeq, articleSeq), eq(mentions.entitySeq, stats.entitySeq))).run();
        continue;
      }
      db.run(sql`insert into mentions (article_seq, entity_seq, mention_count, first_offset, salience, origin, linked, status, sort_at)
                 select seq, ${stats.entitySeq}, ${figures.mentionCount}, ${figures.firstOffset}, ${figures.salience}, 'auto', 1, status, sort_at
                 from articles where seq = ${articleSeq}`);
    }
  }

  /** Records an editor's decision to link (pin) or unlink an entity; it survives re-extraction. */
  function setEditorLink(articleSeq: number, entitySeq: number, linked: boolean): void {
    db.run(sql`insert into mentions (article_seq, entity_seq, mention_count, first_offset, salience, origin, linked, status, sort_at)
               select seq, ${entitySeq}, 0, 0, 0, 'editor', ${linked ? 1 : 0}, status, sort_at from articles where seq = ${articleSeq}
               on conflict (article_seq, entity_seq) do update set origin = 'editor', linked = excluded.linked`);
  }

  function forgetArticle(articleSeq: number): void {
    db.delete(mentions).where(eq(mentions.articleSeq, articleSeq)).run();
  }

  /** Moves every link of `from` to `to`, combining the two where an article mentions both. */
  function moveLinks(from: number, to: number): void {
    db.run(sql`update mentions set
                 mention_count = mentions.mention_count + s.mention_count,
                 first_offset = min(mentions.first_offset, s.first_offset),
                 salience = max(mentions.salience, s.salience),
                 origin = case when s.origin = 'editor' then 'editor' else mentions.origin end,
                 linked = max(mentions.linked, s.linked)
               from mentions s
               where s.entity_seq = ${from} and mentions.entity_seq = ${to} and mentions.article_seq = s.article_seq`);
    db.run(sql`delete from mentions where entity_seq = ${from}
               and article_seq in (select article_seq from mentions where entity_seq = ${to})`);
    db.run(sql`update mentions set entity_seq = ${to} where entity_seq = ${from}`);
  }

  function publishedCount(entitySeq: number): number {
    const row = db.get<{ n: number }>(sql`select count(*) as n from mentions
      where entity_seq = ${entitySeq} and linked = 1 and status = 'published'`);
    return row.n;
  }

  /** First and latest publication among the public articles linked to it (two index probes). */
  function seenRange(entitySeq: number, now: number): { firstSeenAt: number | null; lastSeenAt: number | null } {
    const live = sql`entity_seq = ${entitySeq} and linked = 1 and status = 'published' and sort_at <= ${now}`;
    const row = db.get<{ first: number | null; last: number | null }>(sql`select
      (select min(sort_at) from mentions where ${live}) as first,
      (select max(sort_at) from mentions where ${live}) as last`);
    return { firstSeenAt: row.first, lastSeenAt: row.last };
  }

  return { withCountsKept, syncArticleState, replaceAutomatic, setEditorLink, forgetArticle, moveLinks, publishedCount, seenRange };
}

export type MentionStore = ReturnType<typeof createMentionStore>;
