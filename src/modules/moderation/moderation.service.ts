import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type DatabaseHandle, writeTransaction } from '../../db/client.js';
import { articles, commentFlags, commentRevisions, comments, moderationLog, readers } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import { cutPage, decodeCursor, type Page } from '../../lib/cursor.js';
import { badRequest, conflict, notFound } from '../../lib/problem.js';
import type { Clock } from '../../lib/time.js';
import { createCommentLookups } from '../comments/comment-lookups.js';
import { MODERATOR_DECISIONS } from '../comments/comment-status.js';
import { type CommentRow, createCommentTransitions } from '../comments/comment-transitions.js';
import { isBlocked, type ReaderRow } from '../readers/reader-resource.js';
import type { ReadersService } from '../readers/readers.service.js';
import { type Actor, appendLogEntry, type LogRow } from './moderation-log.js';
import type { BlockInput, DecisionInput, LogFilter, QueueFilter } from './moderation.schemas.js';

const parents = alias(comments, 'parent');

/** A comment with everything a moderator decides on. */
export interface ModeratedComment {
  row: CommentRow;
  article: { id: string; slug: string; title: string };
  author: ReaderRow;
  parentId: string | null;
  flags: { readerId: string; reason: (typeof commentFlags.$inferSelect)['reason']; note: string | null; createdAt: number }[];
  revisions: { body: string; replacedAt: number }[];
}

export type ModerationService = ReturnType<typeof createModerationService>;

export function createModerationService(deps: { database: DatabaseHandle; clock: Clock; readers: ReadersService }) {
  const { database, clock } = deps;
  const { db } = database;
  const lookups = createCommentLookups(db);
  const transitions = createCommentTransitions(db);

  /** Comments matching `where` with their article, author, parent, open flags and earlier texts. */
  function moderated(where: SQL | undefined, limit: number): ModeratedComment[] {
    const rows = db
      .select({ row: comments, article: { id: articles.id, slug: articles.slug, title: articles.title }, author: readers, parentId: parents.id })
      .from(comments)
      .innerJoin(articles, eq(articles.seq, comments.articleSeq))
      .innerJoin(readers, eq(readers.seq, comments.readerSeq))
      .leftJoin(parents, eq(parents.seq, comments.parentSeq))
      .where(where)
      .orderBy(asc(comments.statusAt), asc(comments.seq))
      .limit(inlineCount(limit))
      .all();
    const seqs = rows.map((found) => found.row.seq);
    if (seqs.length === 0) return [];
    const flags = db
      .select({ commentSeq: commentFlags.commentSeq, readerId: readers.id, reason: commentFlags.reason, note: commentFlags.note, createdAt: commentFlags.createdAt })
      .from(commentFlags)
      .innerJoin(readers, eq(readers.seq, commentFlags.readerSeq))
      .where(and(inArray(commentFlags.commentSeq, seqs), isNull(commentFlags.resolvedAt)))
      .orderBy(asc(commentFlags.createdAt))
      .all();
    const revisions = db
      .select()
      .from(commentRevisions)
      .where(inArray(commentRevisions.commentSeq, seqs))
      .orderBy(asc(commentRevisions.seq))
      .all();
    return rows.map((found) => ({
      ...found,
      flags: flags.filter((flag) => flag.commentSeq === found.row.seq),
      revisions: revisions.filter((revision) => revision.commentSeq === found.row.seq),
    }));
  }

  function queue(filter: QueueFilter): Page<ModeratedComment> {
    const where: (SQL | undefined)[] = [eq(comments.status, inlineConstant('pending'))];
    if (filter.queue === 'flagged') where.push(isNotNull(comments.flaggedAt));
    if (filter.article !== undefined) {
      const key = filter.article.toLowerCase();
      where.push(or(eq(articles.id, key), eq(articles.slug, key)));
    }
    if (filter.reader !== undefined) where.push(eq(readers.id, filter.reader.toLowerCase()));
    if (filter.rule !== undefined) {
      where.push(sql`exists (select 1 from json_each(${comments.verdicts}) where json_extract(value, '$.code') = ${filter.rule})`);
    }
    if (filter.cursor !== undefined) {
      const [statusAt, seq] = decodeCursor(filter.cursor, ['number', 'number'] as const);
      where.push(sql`(${comments.statusAt}, ${comments.seq}) > (${statusAt}, ${seq})`);
    }
    return cutPage(moderated(and(...where), filter.limit + 1), filter.limit, (last) => [last.row.statusAt, last.row.seq]);
  }

  /** A moderator's decision: checked against the transition table; it resolves the comment's flags. */
  function decide(commentId: string, input: DecisionInput, moderator: Actor): ModeratedComment {
    return writeTransaction(database, () => {
      const found = lookups.comment(commentId);
      if (!found) throw notFound(`Comment ${commentId}`);
      const now = clock();
      const transition = { to: MODERATOR_DECISIONS[input.decision], action: input.decision, actor: moderator, reason: input.reason };
      transitions.move(found.row, found.subject, { ...transition, set: { flagCount: 0, flaggedAt: null } }, now);
      db.update(commentFlags)
        .set({ resolvedAt: now })
        .where(and(eq(commentFlags.commentSeq, found.row.seq), isNull(commentFlags.resolvedAt)))
        .run();
      return moderated(eq(comments.seq, found.row.seq), 1)[0] as ModeratedComment;
    });
  }

  function block(readerId: string, input: BlockInput, moderator: Actor): ReaderRow {
    return writeTransaction(database, () => {
      const reader = deps.readers.get(readerId);
      const now = clock();
      const until = input.until === undefined ? null : Date.parse(input.until);
      if (until !== null && until <= now) throw badRequest('body', 'until', 'must be in the future');
      const blocked = db
        .update(readers)
        .set({ status: 'blocked', blockReason: input.reason, blockedUntil: until, blockedAt: now })
        .where(eq(readers.seq, reader.seq))
        .returning()
        .get();
      appendLogEntry(db, { at: now, actor: moderator, action: 'block', readerId: reader.id, reason: input.reason, until });
      return blocked;
    });
  }

  function unblock(readerId: string, reason: string | undefined, moderator: Actor): ReaderRow {
    return writeTransaction(database, () => {
      const reader = deps.readers.get(readerId);
      const now = clock();
      if (!isBlocked(reader, now)) throw conflict('not-blocked', 'This reader is not blocked');
      const active = db
        .update(readers)
        .set({ status: 'active', blockReason: null, blockedUntil: null, blockedAt: null })
        .where(eq(readers.seq, reader.seq))
        .returning()
        .get();
      appendLogEntry(db, { at: now, actor: moderator, action: 'unblock', readerId: reader.id, reason: reason ?? 'Block lifted by a moderator' });
      return active;
    });
  }

  /** The moderation log, newest first. */
  function log(filter: LogFilter): Page<LogRow> {
    const where: (SQL | undefined)[] = [];
    if (filter.comment !== undefined) where.push(eq(moderationLog.commentId, filter.comment.toLowerCase()));
    if (filter.reader !== undefined) where.push(eq(moderationLog.readerId, filter.reader.toLowerCase()));
    if (filter.action !== undefined) where.push(eq(moderationLog.action, filter.action));
    if (filter.cursor !== undefined) where.push(lt(moderationLog.seq, decodeCursor(filter.cursor, ['number'] as const)[0]));
    const rows = db.select().from(moderationLog).where(and(...where)).orderBy(desc(moderationLog.seq)).limit(inlineCount(filter.limit + 1)).all();
    return cutPage(rows, filter.limit, (last) => [last.seq]);
  }

  return { queue, decide, block, unblock, log };
}
