import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { articles, comments, readers } from '../../db/schema.js';
import { cutPage, decodeCursor, type Page } from '../../lib/cursor.js';
import { badRequest } from '../../lib/problem.js';
import { UUID_LIKE } from '../../lib/schemas.js';
import { type ArticleRef, createCommentLookups } from './comment-lookups.js';
import type { ListCommentsFilter } from './comments.schemas.js';
import type { CommentServiceDeps } from './comments.service.js';
import { type Discussion, discussionOf } from './discussion.js';
import { missingParents, nest, type Nested } from './threads.js';

/** Replies nested under one thread starter at most; the rest are paged with view=flat&thread=<id>. */
export const REPLIES_PER_THREAD = 50;

const parents = alias(comments, 'parent');

const listedColumns = {
  seq: comments.seq,
  id: comments.id,
  parentSeq: comments.parentSeq,
  depth: comments.depth,
  status: comments.status,
  body: comments.body,
  bodyHtml: comments.bodyHtml,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  author: { id: readers.id, displayName: readers.displayName },
};

type CommentRow = typeof comments.$inferSelect;
export type ListedComment = Pick<CommentRow, Exclude<keyof typeof listedColumns, 'author'>> & { author: { id: string; displayName: string } };
export type FlatComment = ListedComment & { parentId: string | null };
export type ThreadedComment = Nested<ListedComment> & { replyCount: number };

export type CommentList = { article: ArticleRef; discussion: Discussion } & ({ view: 'flat'; page: Page<FlatComment> } | { view: 'thread'; page: Page<ThreadedComment> });

export type CommentListsService = ReturnType<typeof createCommentListsService>;

/** Public reads: approved comments of published articles, and approved counts. */
export function createCommentListsService(deps: Omit<CommentServiceDeps, 'readers'>) {
  const { database, clock, settings } = deps;
  const { db } = database;
  const lookups = createCommentLookups(db);

  // Per thread, so that each reads its own index range in order: one statement over many
  // threads would have to sort all their replies, however many there are.
  const firstReplies = db
    .select(listedColumns)
    .from(comments)
    .innerJoin(readers, eq(readers.seq, comments.readerSeq))
    .where(and(eq(comments.rootSeq, sql.placeholder('root')), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.seq))
    .limit(REPLIES_PER_THREAD)
    .prepare();
  const replyCount = db
    .select({ count: count() })
    .from(comments)
    .where(and(eq(comments.rootSeq, sql.placeholder('root')), eq(comments.status, 'approved')))
    .prepare();

  function keyset(filter: ListCommentsFilter): SQL | undefined {
    if (filter.cursor === undefined) return undefined;
    const [createdAt, seq] = decodeCursor(filter.cursor, ['number', 'number'] as const);
    return filter.order === 'oldest'
      ? sql`(${comments.createdAt}, ${comments.seq}) > (${createdAt}, ${seq})`
      : sql`(${comments.createdAt}, ${comments.seq}) < (${createdAt}, ${seq})`;
  }

  const ordering = (filter: ListCommentsFilter) => {
    const direction = filter.order === 'oldest' ? asc : desc;
    return [direction(comments.createdAt), direction(comments.seq)];
  };

  function threadSeq(article: ArticleRef, threadId: string): number {
    const starter = lookups.comment(threadId);
    if (!starter || starter.row.articleSeq !== article.seq || starter.row.parentSeq !== null) {
      throw badRequest('query', 'thread', 'is not a top-level comment of this article');
    }
    return starter.row.seq;
  }

  function flat(article: ArticleRef, filter: ListCommentsFilter): Page<FlatComment> {
    const rows = db
      .select({ ...listedColumns, parentId: parents.id })
      .from(comments)
      .innerJoin(readers, eq(readers.seq, comments.readerSeq))
      .leftJoin(parents, eq(parents.seq, comments.parentSeq))
      .where(
        and(
          filter.thread === undefined ? eq(comments.articleSeq, article.seq) : eq(comments.rootSeq, threadSeq(article, filter.thread)),
          eq(comments.status, 'approved'),
          keyset(filter),
        ),
      )
      .orderBy(...ordering(filter))
      .limit(filter.limit + 1)
      .all();
    return cutPage(rows, filter.limit, (last) => [last.createdAt, last.seq]);
  }

  /** Thread starters that are public, or no longer public but with public replies (shown removed). */
  function starters(article: ArticleRef, filter: ListCommentsFilter): Page<ListedComment> {
    const hasPublicReplies = sql`exists (select 1 from comments reply where reply.root_seq = ${comments.seq} and reply.status = 'approved')`;
    const rows = db
      .select(listedColumns)
      .from(comments)
      .innerJoin(readers, eq(readers.seq, comments.readerSeq))
      .where(
        and(
          isNull(comments.parentSeq),
          eq(comments.articleSeq, article.seq),
          or(eq(comments.status, 'approved'), hasPublicReplies),
          keyset(filter),
        ),
      )
      .orderBy(...ordering(filter))
      .limit(filter.limit + 1)
      .all();
    return cutPage(rows, filter.limit, (last) => [last.createdAt, last.seq]);
  }

  /** Comments no longer public between public replies and their thread starter, climbing level by level. */
  function removedAncestors(items: ListedComment[]): ListedComment[] {
    const found: ListedComment[] = [];
    for (let missing = missingParents(items); missing.length > 0; missing = missingParents([...items, ...found])) {
      found.push(
        ...db.select(listedColumns).from(comments).innerJoin(readers, eq(readers.seq, comments.readerSeq)).where(inArray(comments.seq, missing)).all(),
      );
    }
    return found;
  }

  function thread(article: ArticleRef, filter: ListCommentsFilter): Page<ThreadedComment> {
    const page = starters(article, filter);
    const below = page.rows.flatMap((starter) => firstReplies.all({ root: starter.seq }));
    const nested = nest([...page.rows, ...below, ...removedAncestors([...page.rows, ...below])]);
    const rows = nested.map((node) => ({ ...node, replyCount: replyCount.get({ root: node.seq })?.count ?? 0 }));
    return { rows, nextCursor: page.nextCursor };
  }

  function list(articleKey: string, filter: ListCommentsFilter): CommentList {
    const now = clock();
    const article = lookups.publicArticle(articleKey, now);
    const context = { article, discussion: discussionOf(article, settings, now) };
    if (filter.view === 'flat') return { ...context, view: 'flat', page: flat(article, filter) };
    if (filter.thread !== undefined) throw badRequest('query', 'thread', 'works with view=flat only');
    return { ...context, view: 'thread', page: thread(article, filter) };
  }

  /** Approved counts of the published articles among `keys` (ids or slugs), in the order asked. */
  function counts(keys: string[]): { id: string; slug: string; commentCount: number }[] {
    const wanted = [...new Set(keys.map((key) => key.toLowerCase()))];
    const ids = wanted.filter((key) => UUID_LIKE.test(key));
    const slugs = wanted.filter((key) => !UUID_LIKE.test(key));
    const matches = [ids.length > 0 ? inArray(articles.id, ids) : undefined, slugs.length > 0 ? inArray(articles.slug, slugs) : undefined];
    const rows = db
      .select({ id: articles.id, slug: articles.slug, commentCount: articles.commentCount })
      .from(articles)
      .where(and(or(...matches), eq(articles.status, 'published'), lte(articles.publishedAt, clock())))
      .all();
    const byKey = new Map(rows.flatMap((row) => [[row.id, row], [row.slug, row]] as const));
    const found = wanted.map((key) => byKey.get(key)).filter((row) => row !== undefined);
    return [...new Set(found)];
  }

  return { list, counts };
}
