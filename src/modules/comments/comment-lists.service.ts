import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { keptWhileUnchanged } from '../../db/generation.js';
import { articles, comments, readers } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import { cutPage, decodeCursor, type Page } from '../../lib/cursor.js';
import { keptValues } from '../../lib/kept-values.js';
import { badRequest } from '../../lib/problem.js';
import { UUID_LIKE } from '../../lib/schemas.js';
import { type ArticleRef, assertPublic, createCommentLookups } from './comment-lookups.js';
import type { ListCommentsFilter } from './comments.schemas.js';
import type { CommentServiceDeps } from './comments.service.js';
import { type Discussion, discussionOf } from './discussion.js';
import { missingParents, nest, type Nested } from './threads.js';

// Rows of the articles whose comments are read most: a few hundred bytes each.
const ARTICLES_KEPT = 2000;
// Sets of counts asked for together (at most 100 articles each, ~100 bytes per article).
const COUNT_SETS_KEPT = 500;

type CountedArticle = { id: string; slug: string; commentCount: number; publishedAt: number };

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

export type PublicDiscussion = { article: ArticleRef; discussion: Discussion };

export type CommentList = PublicDiscussion & ({ view: 'flat'; page: Page<FlatComment> } | { view: 'thread'; page: Page<ThreadedComment> });

export type CommentListsService = ReturnType<typeof createCommentListsService>;

type Order = ListCommentsFilter['order'];

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
    .where(and(eq(comments.rootSeq, sql.placeholder('root')), eq(comments.status, inlineConstant('approved'))))
    .orderBy(asc(comments.createdAt), asc(comments.seq))
    .limit(inlineCount(REPLIES_PER_THREAD))
    .prepare();

  const ordering = (order: Order) => {
    const direction = order === 'oldest' ? asc : desc;
    return [direction(comments.createdAt), direction(comments.seq)];
  };

  function afterCursor(order: Order, continued: boolean): SQL | undefined {
    if (!continued) return undefined;
    const after = sql`(${sql.placeholder('afterAt')}, ${sql.placeholder('afterSeq')})`;
    return order === 'oldest' ? sql`(${comments.createdAt}, ${comments.seq}) > ${after}` : sql`(${comments.createdAt}, ${comments.seq}) < ${after}`;
  }

  /** Where a page starts. */
  function pageParams(filter: ListCommentsFilter) {
    const [afterAt, afterSeq] = filter.cursor === undefined ? [0, 0] : decodeCursor(filter.cursor, ['number', 'number'] as const);
    return { afterAt, afterSeq };
  }

  function threadSeq(article: ArticleRef, threadId: string): number {
    const starter = lookups.comment(threadId);
    if (!starter || starter.row.articleSeq !== article.seq || starter.row.parentSeq !== null) {
      throw badRequest('query', 'thread', 'is not a top-level comment of this article');
    }
    return starter.row.seq;
  }

  /** `rows` is one more than the page holds, to tell whether another follows. */
  function flatQuery(inThread: boolean, order: Order, continued: boolean, rows: number) {
    return db
      .select({ ...listedColumns, parentId: parents.id })
      .from(comments)
      .innerJoin(readers, eq(readers.seq, comments.readerSeq))
      .leftJoin(parents, eq(parents.seq, comments.parentSeq))
      .where(
        and(
          inThread ? eq(comments.rootSeq, sql.placeholder('scope')) : eq(comments.articleSeq, sql.placeholder('scope')),
          eq(comments.status, inlineConstant('approved')),
          afterCursor(order, continued),
        ),
      )
      .orderBy(...ordering(order))
      .limit(inlineCount(rows))
      .prepare();
  }

  /**
   * Thread starters that are public, or no longer public but with public replies (shown
   * removed), each with the number of its public replies.
   */
  function startersQuery(order: Order, continued: boolean, rows: number) {
    const publicReplies = sql`from comments reply where reply.root_seq = ${comments.seq} and reply.status = 'approved'`;
    return db
      .select({ ...listedColumns, replyCount: sql<number>`(select count(*) ${publicReplies})` })
      .from(comments)
      .innerJoin(readers, eq(readers.seq, comments.readerSeq))
      .where(
        and(
          isNull(comments.parentSeq),
          eq(comments.articleSeq, sql.placeholder('article')),
          or(eq(comments.status, inlineConstant('approved')), sql`exists (select 1 ${publicReplies})`),
          afterCursor(order, continued),
        ),
      )
      .orderBy(...ordering(order))
      .limit(inlineCount(rows))
      .prepare();
  }

  // A comment list runs one of a few query shapes, each prepared the first time it is asked
  // for, as building a query cost more than running it: flat (an article's comments or one
  // thread's × order × cursor) and thread starters (order × cursor), each per page size, which
  // is in the statement's text (see db/inline.ts). Clients use a few page sizes; the least
  // recently used shape goes first.
  const flatQueries = keptValues<ReturnType<typeof flatQuery>>(64);
  const startersQueries = keptValues<ReturnType<typeof startersQuery>>(32);

  function flat(article: ArticleRef, filter: ListCommentsFilter): Page<FlatComment> {
    const inThread = filter.thread !== undefined;
    const continued = filter.cursor !== undefined;
    const query = flatQueries(`${inThread} ${filter.order} ${continued} ${filter.limit}`, () => flatQuery(inThread, filter.order, continued, filter.limit + 1));
    const scope = filter.thread === undefined ? article.seq : threadSeq(article, filter.thread);
    const rows = query.all({ scope, ...pageParams(filter) });
    return cutPage(rows, filter.limit, (last) => [last.createdAt, last.seq]);
  }

  function starters(article: ArticleRef, filter: ListCommentsFilter): Page<ListedComment & { replyCount: number }> {
    const continued = filter.cursor !== undefined;
    const query = startersQueries(`${filter.order} ${continued} ${filter.limit}`, () => startersQuery(filter.order, continued, filter.limit + 1));
    const rows = query.all({ article: article.seq, ...pageParams(filter) });
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
    // Replies are read only where there are some: most comments start no thread, and a
    // statement per empty thread was most of a page's work.
    const below = page.rows.flatMap((starter) => (starter.replyCount > 0 ? firstReplies.all({ root: starter.seq }) : []));
    const counts = new Map(page.rows.map((starter) => [starter.seq, starter.replyCount]));
    const nested = nest([...page.rows, ...below, ...removedAncestors([...page.rows, ...below])]);
    const rows = nested.map((node) => ({ ...node, replyCount: counts.get(node.seq) ?? 0 }));
    return { rows, nextCursor: page.nextCursor };
  }

  // Article pages ask for their comments as often as for the article: the article's row is
  // kept while nothing commits. Whether the public may see it, and whether its discussion is
  // still open, depend on the clock too, and are worked out on every call.
  const keptArticles = keptWhileUnchanged<ArticleRef | undefined>(database.generation, ARTICLES_KEPT);

  /** The article and its discussion as the public sees them now; 404 for what it cannot see. */
  function publicDiscussion(articleKey: string): PublicDiscussion {
    const now = clock();
    const article = assertPublic(keptArticles(articleKey.toLowerCase(), () => lookups.article(articleKey)), articleKey, now);
    return { article, discussion: discussionOf(article, settings, now) };
  }

  /** A page of the discussion's public comments; `context` is what publicDiscussion answered. */
  function list(context: PublicDiscussion, filter: ListCommentsFilter): CommentList {
    const { article } = context;
    if (filter.view === 'flat') return { ...context, view: 'flat', page: flat(article, filter) };
    if (filter.thread !== undefined) throw badRequest('query', 'thread', 'works with view=flat only');
    return { ...context, view: 'thread', page: thread(article, filter) };
  }

  // Pages that show many articles (fronts, section pages) poll their counts together, with
  // the same keys each time: the rows are kept while nothing commits. Which of them the public
  // may see yet is the clock's, decided per call.
  const keptCounts = keptWhileUnchanged<CountedArticle[]>(database.generation, COUNT_SETS_KEPT);

  /** Approved counts of the published articles among `keys` (ids or slugs), in the order asked. */
  function counts(keys: string[]): { id: string; slug: string; commentCount: number }[] {
    const wanted = [...new Set(keys.map((key) => key.toLowerCase()))];
    // Keys are any strings a client sends: the set is named so that no two sets share a name.
    const rows = keptCounts(JSON.stringify(wanted), () => publishedAmong(wanted));
    const now = clock();
    const byKey = new Map(rows.filter((row) => row.publishedAt <= now).flatMap((row) => [[row.id, row], [row.slug, row]] as const));
    const found = wanted.map((key) => byKey.get(key)).filter((row) => row !== undefined);
    return [...new Set(found)].map(({ id, slug, commentCount }) => ({ id, slug, commentCount }));
  }

  function publishedAmong(wanted: string[]): CountedArticle[] {
    const ids = wanted.filter((key) => UUID_LIKE.test(key));
    const slugs = wanted.filter((key) => !UUID_LIKE.test(key));
    const matches = [ids.length > 0 ? inArray(articles.id, ids) : undefined, slugs.length > 0 ? inArray(articles.slug, slugs) : undefined];
    return db
      .select({ id: articles.id, slug: articles.slug, commentCount: articles.commentCount, publishedAt: articles.publishedAt })
      .from(articles)
      .where(and(or(...matches), eq(articles.status, 'published')))
      .all()
      .filter((row): row is CountedArticle => row.publishedAt !== null);
  }

  return { publicDiscussion, list, counts };
}
