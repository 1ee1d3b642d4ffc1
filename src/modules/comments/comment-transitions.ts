import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { articles, comments, readers } from '../../db/schema.js';
import type { CommentStatus, ModerationAction } from '../../lib/vocabulary.js';
import type { ArticleWriteHook } from '../articles/articles.service.js';
import { type Actor, appendLogEntry } from '../moderation/moderation-log.js';
import { assertTransition } from './comment-status.js';
import type { PolicyVerdict } from './policy/rules.js';

export type CommentRow = typeof comments.$inferSelect;

/** The public ids the moderation log names a comment's article and author by. */
export interface CommentSubject {
  articleId: string;
  readerId: string;
}

export interface Transition {
  to: CommentStatus;
  action: ModerationAction;
  actor: Actor;
  reason: string;
  verdicts?: PolicyVerdict[];
  /** Other columns written in the same UPDATE (an edited body, resolved flags). */
  set?: Partial<Omit<CommentRow, 'seq' | 'id' | 'status' | 'statusAt'>>;
}

export type CommentTransitions = ReturnType<typeof createCommentTransitions>;

/**
 * Every change of a comment's status goes through here, inside the caller's transaction:
 * checked against the transition table, the approved counters kept, the decision logged.
 */
export function createCommentTransitions(db: Db) {
  // Prepared once: a published comment moves both counters on every post.
  const addToArticle = db
    .update(articles)
    .set({ commentCount: sql`${articles.commentCount} + ${sql.placeholder('delta')}` })
    .where(eq(articles.seq, sql.placeholder('seq')))
    .prepare();
  const addToReader = db
    .update(readers)
    .set({ approvedCount: sql`${readers.approvedCount} + ${sql.placeholder('delta')}` })
    .where(eq(readers.seq, sql.placeholder('seq')))
    .prepare();

  /**
   * Keeps the article's comment_count and the reader's approved_count in step with a
   * comment moving from `from` (null: a new comment) to `to`.
   */
  function countApproved(row: Pick<CommentRow, 'articleSeq' | 'readerSeq'>, from: CommentStatus | null, to: CommentStatus): void {
    const delta = Number(to === 'approved') - Number(from === 'approved');
    if (delta === 0) return;
    addToArticle.run({ delta, seq: row.articleSeq });
    addToReader.run({ delta, seq: row.readerSeq });
  }

  function move(row: CommentRow, subject: CommentSubject, transition: Transition, at: number): CommentRow {
    assertTransition(row.status, transition.to);
    const moved = db
      .update(comments)
      .set({ ...transition.set, status: transition.to, statusAt: at })
      .where(eq(comments.seq, row.seq))
      .returning()
      .get();
    countApproved(row, row.status, transition.to);
    appendLogEntry(db, {
      at,
      actor: transition.actor,
      action: transition.action,
      readerId: subject.readerId,
      reason: transition.reason,
      comment: { id: row.id, articleId: subject.articleId, from: row.status, to: transition.to },
      ...(transition.verdicts ? { verdicts: transition.verdicts } : {}),
    });
    return moved;
  }

  return { countApproved, move };
}

/**
 * Article write hook: deleting an article deletes its comments by foreign-key cascade, which
 * no transition sees, so the authors of its approved comments lose them from their counts here.
 */
export function releaseApprovedComments(db: Db): ArticleWriteHook {
  return (event) => {
    if (event.kind !== 'delete') return;
    const seq = event.article.seq;
    db.run(sql`update readers set approved_count = approved_count - (
                 select count(*) from comments c where c.article_seq = ${seq} and c.reader_seq = readers.seq and c.status = 'approved')
               where seq in (select reader_seq from comments where article_seq = ${seq} and status = 'approved')`);
  };
}
