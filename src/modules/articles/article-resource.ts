import { getTableColumns } from 'drizzle-orm';
import { articles } from '../../db/schema.js';
import type { ContentVersion, Validators } from '../../lib/http-cache.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';
import type { ArticleStatus } from '../../lib/vocabulary.js';
import type { Article, ArticleSummary } from './articles.schemas.js';

export type ArticleRow = typeof articles.$inferSelect;
export type ArticleSummaryRow = Omit<ArticleRow, 'body' | 'bodyHtml' | 'bodyText'>;
/** A replaced version as stored in article_revisions: the row without storage keys and counters. */
export type ArticleSnapshot = Omit<ArticleRow, 'seq' | 'sortAt' | 'commentCount'>;
type Presentable = Omit<ArticleSummaryRow, 'seq' | 'sortAt'>;

/** The columns an article's validators, visibility and render-cache key are made of. */
export const articleHeadColumns = {
  seq: articles.seq,
  id: articles.id,
  status: articles.status,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  revision: articles.revision,
  commentCount: articles.commentCount,
};
export type ArticleHead = Pick<ArticleRow, keyof typeof articleHeadColumns>;

/** The columns a list needs: everything but the body in its three forms. */
const { body: _body, bodyHtml: _bodyHtml, bodyText: _bodyText, ...summaryColumns } = getTableColumns(articles);
export const articleSummaryColumns = summaryColumns;

/** The status a caller sees: a published article whose time has not come is "scheduled". */
export function visibleStatus(row: Pick<ArticleRow, 'status' | 'publishedAt'>, now: number): ArticleStatus {
  if (row.status === 'published' && row.publishedAt !== null && row.publishedAt > now) return 'scheduled';
  return row.status;
}

export const isPublic = (row: Pick<ArticleRow, 'status' | 'publishedAt'>, now: number): boolean =>
  visibleStatus(row, now) === 'published';

export function toArticleSummary(row: Presentable, now: number): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    dateline:
      row.datelinePlace === null && row.datelineSource === null
        ? null
        : { place: row.datelinePlace, source: row.datelineSource },
    authors: row.authors,
    section: row.section,
    tags: row.tags,
    language: row.language,
    canonical_url: row.canonicalUrl,
    status: visibleStatus(row, now),
    published_at: toIsoOrNull(row.publishedAt),
    created_at: toIso(row.createdAt),
    updated_at: toIso(row.updatedAt),
    revision: row.revision,
    comments_mode: row.commentsMode,
    comment_count: row.commentCount,
  };
}

export function toArticle(row: Presentable & Pick<ArticleRow, 'body' | 'bodyHtml' | 'bodyText'>, now: number): Article {
  return { ...toArticleSummary(row, now), body: row.body, body_html: row.bodyHtml, body_text: row.bodyText };
}

export function toRevision(
  row: { revision: number; replacedAt: number; replacedBy: string | null; snapshot: Record<string, unknown> },
  now: number,
) {
  const { comment_count: _count, ...article } = toArticle({ ...(row.snapshot as ArticleSnapshot), commentCount: 0 }, now);
  return { revision: row.revision, replaced_at: toIso(row.replacedAt), replaced_by: row.replacedBy, article };
}

/**
 * Strong validator of an article representation, derived from stored counters rather than
 * by hashing the body: the revision (content), the approved comment count and the status
 * letter (a scheduled article going live changes what editors see without a new revision).
 */
export function articleEtag(row: Pick<ArticleRow, 'revision' | 'commentCount' | 'status' | 'publishedAt'>, now: number): string {
  return `"r${row.revision}-c${row.commentCount}-${visibleStatus(row, now).charAt(0)}"`;
}

/**
 * Validators of an article read: its ETag, and as Last-Modified its last edit or, when
 * later, the instant it went live (a scheduled article changes status with no write).
 * `embeds`: the editorial version, when the representation embeds other resources.
 */
export function articleValidators(row: ArticleHead, now: number, embeds?: ContentVersion): Validators {
  const liveSince = row.status === 'published' && row.publishedAt !== null && row.publishedAt <= now ? row.publishedAt : 0;
  const lastModified = Math.max(row.updatedAt, liveSince);
  const etag = articleEtag(row, now);
  if (!embeds) return { etag, lastModified };
  return { etag: `${etag.slice(0, -1)}-${embeds.tag}"`, lastModified: Math.max(lastModified, embeds.modifiedAt) };
}

/**
 * The revision an If-Match header asks for: null for "*" (any version), undefined when
 * the header names no version of ours (which can never match).
 */
export function revisionFromIfMatch(header: string): number | null | undefined {
  if (header.trim() === '*') return null;
  const match = /"r(\d{1,9})-/.exec(header);
  return match ? Number(match[1]) : undefined;
}
