import { hash } from 'node:crypto';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { CommentSettings } from '../../config.js';
import { type DatabaseHandle, writeTransaction } from '../../db/client.js';
import { commentRevisions, comments } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import { newId } from '../../lib/ids.js';
import { conflict, forbidden, notFound, Problem } from '../../lib/problem.js';
import type { Clock } from '../../lib/time.js';
import type { CommentsMode } from '../../lib/vocabulary.js';
import { appendLogEntry, POLICY } from '../moderation/moderation-log.js';
import { isPublic } from '../articles/article-resource.js';
import type { ReaderRow } from '../readers/reader-resource.js';
import type { ReadersService } from '../readers/readers.service.js';
import { assertNotBlocked, assertOpen, assertReplyable } from './comment-guards.js';
import { createCommentLookups, type StoredComment } from './comment-lookups.js';
import { statusAfterPolicy, withheldAction, withheldReason } from './comment-outcome.js';
import { renderCommentHtml } from './comment-render.js';
import { EDITABLE_STATUSES } from './comment-status.js';
import { createCommentTransitions } from './comment-transitions.js';
import type { CommentWrite } from './comments.schemas.js';
import { evaluateComment } from './policy/evaluate.js';
import { duplicateKey, foldForMatching } from './policy/normalize.js';

const FLOOD_WINDOW_MS = 60_000;

/** A comment as a post or an edit left it, with the discussion mode it was judged under. */
export interface WrittenComment extends StoredComment {
  mode: CommentsMode;
}

/** Digest of the text duplicates are judged by; a body without letters or digits ("👍") is judged as written. */
export function bodyKey(body: string): string {
  return hash('sha256', duplicateKey(body) || foldForMatching(body), 'base64url');
}

export interface CommentServiceDeps {
  database: DatabaseHandle;
  clock: Clock;
  settings: CommentSettings;
  readers: ReadersService;
}

export type CommentsService = ReturnType<typeof createCommentsService>;

/** Readers' writes: post, edit and delete, each one transaction with the policy applied inside it. */
export function createCommentsService(deps: CommentServiceDeps) {
  const { database, clock, settings } = deps;
  const { db } = database;
  const lookups = createCommentLookups(db);
  const transitions = createCommentTransitions(db);
  // The reader's comment that has to leave the rolling minute before they may post again.
  const floodMark = db
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.readerSeq, sql.placeholder('reader')), gt(comments.createdAt, sql.placeholder('since'))))
    .orderBy(desc(comments.createdAt))
    .limit(inlineCount(1))
    .offset(inlineCount(settings.perMinute - 1))
    .prepare();
  const insertComment = db
    .insert(comments)
    .values({
      id: sql.placeholder('id'),
      articleSeq: sql.placeholder('articleSeq'),
      readerSeq: sql.placeholder('readerSeq'),
      parentSeq: sql.placeholder('parentSeq'),
      rootSeq: sql.placeholder('rootSeq'),
      depth: sql.placeholder('depth'),
      body: sql.placeholder('body'),
      bodyHtml: sql.placeholder('bodyHtml'),
      bodyKey: sql.placeholder('bodyKey'),
      status: sql.placeholder('status'),
      verdicts: sql.placeholder('verdicts'),
      createdAt: sql.placeholder('createdAt'),
      statusAt: sql.placeholder('createdAt'),
    })
    .returning()
    .prepare();
  const sameText = db
    .select({ seq: comments.seq })
    .from(comments)
    .where(
      and(
        eq(comments.articleSeq, sql.placeholder('article')),
        eq(comments.readerSeq, sql.placeholder('reader')),
        eq(comments.bodyKey, sql.placeholder('key')),
        ne(comments.status, inlineConstant('deleted')),
      ),
    )
    .prepare();

  function activeReader(id: string, now: number): ReaderRow {
    const reader = deps.readers.get(id);
    assertNotBlocked(reader, now);
    return reader;
  }

  function assertNoFlood(readerSeq: number, now: number): void {
    const mark = floodMark.get({ reader: readerSeq, since: now - FLOOD_WINDOW_MS });
    if (!mark) return;
    const seconds = Math.max(1, Math.ceil((mark.createdAt + FLOOD_WINDOW_MS - now) / 1000));
    const detail = `At most ${settings.perMinute} comments a minute; try again in ${seconds} s`;
    throw new Problem(429, 'flood', 'Too many comments', detail, undefined, { 'retry-after': String(seconds) });
  }

  function assertNotDuplicate(articleSeq: number, readerSeq: number, key: string): void {
    if (sameText.get({ article: articleSeq, reader: readerSeq, key })) {
      throw conflict('duplicate', 'You have already posted this text on this article');
    }
  }

  function post(articleKey: string, readerId: string, input: CommentWrite): WrittenComment {
    return writeTransaction(database, () => {
      const now = clock();
      const article = lookups.publicArticle(articleKey, now);
      const author = activeReader(readerId, now);
      const mode = assertOpen(article, settings, now);
      let parent: StoredComment | undefined;
      if (input.parent_id !== undefined) {
        parent = lookups.comment(input.parent_id);
        assertReplyable(article, parent);
      }
      assertNoFlood(author.seq, now);
      const key = bodyKey(input.body);
      assertNotDuplicate(article.seq, author.seq, key);

      const { decision, verdicts } = evaluateComment(input.body, { readerHasApprovedHistory: author.approvedCount > 0 });
      const status = statusAfterPolicy(decision, mode);
      const row = insertComment.get({
        id: newId(),
        articleSeq: article.seq,
        readerSeq: author.seq,
        parentSeq: parent?.row.seq ?? null,
        rootSeq: parent ? (parent.row.rootSeq ?? parent.row.seq) : null,
        depth: parent ? parent.row.depth + 1 : 0,
        body: input.body,
        bodyHtml: renderCommentHtml(input.body),
        bodyKey: key,
        status,
        verdicts,
        createdAt: now,
      });
      transitions.countApproved(row, null, status);
      const subject = { articleId: article.id, readerId: author.id };
      if (status !== 'approved') {
        appendLogEntry(db, {
          at: now,
          actor: POLICY,
          action: withheldAction(status),
          readerId: author.id,
          reason: withheldReason(status, verdicts),
          comment: { id: row.id, articleId: article.id, from: null, to: status },
          verdicts,
        });
      }
      return { row, article, author, subject, parentId: parent?.row.id ?? null, mode };
    });
  }

  /** The reader's own comment: someone else's is 403, a deleted one 404. */
  function ownComment(commentId: string, author: ReaderRow): StoredComment {
    const found = lookups.comment(commentId);
    if (!found || found.row.status === 'deleted') throw notFound(`Comment ${commentId}`);
    if (found.row.readerSeq !== author.seq) throw forbidden('Only its author may change a comment');
    return found;
  }

  function edit(commentId: string, readerId: string, body: string): WrittenComment {
    return writeTransaction(database, () => {
      const now = clock();
      const author = activeReader(readerId, now);
      const found = ownComment(commentId, author);
      const { row, article, subject } = found;
      if (!EDITABLE_STATUSES.includes(row.status)) {
        throw conflict('not-editable', `A comment that is ${row.status} can no longer be edited`);
      }
      if (now - row.createdAt > settings.editWindowMs) {
        const minutes = settings.editWindowMs / 60_000;
        throw new Problem(403, 'edit-window-closed', 'Edit window closed', `A comment can be edited for ${minutes} minutes after it is posted`);
      }
      if (!isPublic(article, now)) throw notFound(`Comment ${commentId}`);
      const mode = assertOpen(article, settings, now);
      if (body === row.body) return { ...found, mode };
      const key = bodyKey(body);
      if (key !== row.bodyKey) assertNotDuplicate(article.seq, author.seq, key);

      // The comment being edited does not vet its own new links.
      const otherApproved = author.approvedCount - Number(row.status === 'approved');
      const { decision, verdicts } = evaluateComment(body, { readerHasApprovedHistory: otherApproved > 0 });
      const status = statusAfterPolicy(decision, mode, row.status);
      db.insert(commentRevisions).values({ commentSeq: row.seq, body: row.body, replacedAt: now }).run();
      const set = { body, bodyHtml: renderCommentHtml(body), bodyKey: key, verdicts, editedAt: now };
      const edited =
        status === row.status
          ? db.update(comments).set(set).where(eq(comments.seq, row.seq)).returning().get()
          : transitions.move(row, subject, {
              to: status,
              action: withheldAction(status),
              actor: POLICY,
              reason: `After an edit: ${withheldReason(status, verdicts)}`,
              verdicts,
              set,
            }, now);
      return { ...found, row: edited, mode };
    });
  }

  /** Soft delete by the author, allowed at any time and even while blocked: it only takes text away. */
  function remove(commentId: string, readerId: string): void {
    writeTransaction(database, () => {
      const { row, subject } = ownComment(commentId, deps.readers.get(readerId));
      const actor = { kind: 'reader' as const, id: readerId };
      transitions.move(row, subject, { to: 'deleted', action: 'delete', actor, reason: 'Deleted by its author' }, clock());
    });
  }

  return { post, edit, remove };
}
