import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { articles, comments, readers } from '../../db/schema.js';
import { notFound } from '../../lib/problem.js';
import { UUID_LIKE } from '../../lib/schemas.js';
import { type ArticleRow, isPublic } from '../articles/article-resource.js';
import type { ReaderRow } from '../readers/reader-resource.js';
import type { CommentRow, CommentSubject } from './comment-transitions.js';

const articleColumns = {
  seq: articles.seq,
  id: articles.id,
  slug: articles.slug,
  status: articles.status,
  publishedAt: articles.publishedAt,
  commentsMode: articles.commentsMode,
  commentCount: articles.commentCount,
};

export type ArticleRef = Pick<ArticleRow, keyof typeof articleColumns>;

/** A stored comment with what its representations and log entries name: article, author and parent. */
export interface StoredComment {
  row: CommentRow;
  article: ArticleRef;
  author: Pick<ReaderRow, 'id' | 'displayName'>;
  subject: CommentSubject;
  parentId: string | null;
}

export type CommentLookups = ReturnType<typeof createCommentLookups>;

/** The article when the public may see it now (published, its time come); 404 otherwise. */
export function assertPublic(article: ArticleRef | undefined, idOrSlug: string, now: number): ArticleRef {
  if (!article || !isPublic(article, now)) throw notFound(`Article ${idOrSlug}`);
  return article;
}

const parents = alias(comments, 'parent');

/** The reads every comment write starts with, prepared once because they run on every post. */
export function createCommentLookups(db: Db) {
  const articleById = db.select(articleColumns).from(articles).where(eq(articles.id, sql.placeholder('key'))).prepare();
  const articleBySlug = db.select(articleColumns).from(articles).where(eq(articles.slug, sql.placeholder('key'))).prepare();
  const commentById = db
    .select({ row: comments, article: articleColumns, author: { id: readers.id, displayName: readers.displayName }, parentId: parents.id })
    .from(comments)
    .innerJoin(articles, eq(articles.seq, comments.articleSeq))
    .innerJoin(readers, eq(readers.seq, comments.readerSeq))
    .leftJoin(parents, eq(parents.seq, comments.parentSeq))
    .where(eq(comments.id, sql.placeholder('id')))
    .prepare();

  /** An article by id or slug, whatever its status. */
  function article(idOrSlug: string): ArticleRef | undefined {
    const key = idOrSlug.toLowerCase();
    return UUID_LIKE.test(key) ? articleById.get({ key }) : articleBySlug.get({ key });
  }

  /** A published article by id or slug; anything the public cannot see is 404. */
  const publicArticle = (idOrSlug: string, now: number): ArticleRef => assertPublic(article(idOrSlug), idOrSlug, now);

  function comment(id: string): StoredComment | undefined {
    const found = commentById.get({ id: id.toLowerCase() });
    if (!found) return undefined;
    const { row, article, author, parentId } = found;
    return { row, article, author, subject: { articleId: article.id, readerId: author.id }, parentId };
  }

  return { article, publicArticle, comment };
}
