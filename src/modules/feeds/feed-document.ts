import { slugify } from '../../lib/slug.js';
import type { ArticleRow } from '../articles/article-resource.js';

export const FEED_FORMATS = ['json', 'rss', 'atom'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** Which published articles a feed carries: all of them, or a section's, a tag's or an entity's. */
export type FeedScope = { kind: 'all' } | { kind: 'section' | 'tag' | 'entity'; slug: string; name: string };

const SCOPE_FOLDERS = { section: 'sections', tag: 'tags', entity: 'entities' } as const;

export interface FeedItem {
  /** Stable across edits, slug changes and URL changes. */
  id: string;
  url: string;
  title: string;
  summary: string | null;
  contentHtml: string;
  contentText: string;
  published: number;
  modified: number;
  authors: { name: string; url?: string }[];
  tags: { name: string; slug: string }[];
  language: string;
  article: Pick<ArticleRow, 'id' | 'slug' | 'section' | 'datelinePlace' | 'datelineSource'>;
}

/** One page of a feed, independent of its format. */
export interface FeedDocument {
  siteName: string;
  title: string;
  description: string;
  homePageUrl: string;
  /** The feed's own canonical URL (its first page), per format. */
  feedUrls: Record<FeedFormat, string>;
  nextUrls: Record<FeedFormat, string> | null;
  /** Where tag feeds live: a tag's scheme in Atom. */
  tagsBaseUrl: string;
  /** When the content last changed (the Last-Modified of the response). */
  updated: number;
  items: FeedItem[];
}

export interface SiteUrls {
  siteName: string;
  publicBaseUrl: string;
  articleUrlTemplate: string;
}

export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const prefix = scope.kind === 'all' ? '' : `/${SCOPE_FOLDERS[scope.kind]}/${encodeURIComponent(scope.slug)}`;
  return `/feeds${prefix}/articles.${format}`;
}

/** Where a reader finds the article: its canonical URL when it has one, else the configured pattern. */
export function articleUrl(row: Pick<ArticleRow, 'id' | 'slug' | 'canonicalUrl'>, template: string): string {
  if (row.canonicalUrl !== null) return row.canonicalUrl;
  return template.replaceAll('{slug}', encodeURIComponent(row.slug)).replaceAll('{id}', row.id);
}

export function toFeedItem(row: ArticleRow, site: SiteUrls): FeedItem {
  return {
    id: `urn:uuid:${row.id}`,
    url: articleUrl(row, site.articleUrlTemplate),
    title: row.title,
    summary: row.standfirst,
    contentHtml: row.bodyHtml,
    contentText: row.bodyText,
    published: row.publishedAt ?? row.createdAt,
    modified: row.updatedAt,
    authors: row.authors,
    tags: row.tags.map((name) => ({ name, slug: slugify(name) })),
    language: row.language,
    article: row,
  };
}

/** A feed page: `nextCursor` continues it with the same page size. */
export function feedDocument(
  scope: FeedScope,
  rows: ArticleRow[],
  page: { nextCursor: string | null; limit: number; defaultLimit: number; updated: number },
  site: SiteUrls,
): FeedDocument {
  const urlOf = (format: FeedFormat, cursor?: string) => {
    const url = new URL(`${site.publicBaseUrl}${feedPath(scope, format)}`);
    if (cursor !== undefined && page.limit !== page.defaultLimit) url.searchParams.set('limit', String(page.limit));
    if (cursor !== undefined) url.searchParams.set('cursor', cursor);
    return url.href;
  };
  const perFormat = (cursor?: string) =>
    Object.fromEntries(FEED_FORMATS.map((format) => [format, urlOf(format, cursor)])) as Record<FeedFormat, string>;
  const scopeName = scope.kind === 'all' ? null : scope.name;
  const of = { all: '', section: `in ${scopeName}`, tag: `tagged ${scopeName}`, entity: `about ${scopeName}` }[scope.kind];
  return {
    siteName: site.siteName,
    title: scopeName === null ? site.siteName : `${site.siteName}: ${scopeName}`,
    description: `The latest articles ${of ? `${of} ` : ''}from ${site.siteName}`,
    homePageUrl: `${site.publicBaseUrl}/`,
    feedUrls: perFormat(),
    nextUrls: page.nextCursor === null ? null : perFormat(page.nextCursor),
    tagsBaseUrl: `${site.publicBaseUrl}/feeds/tags/`,
    updated: page.updated,
    items: rows.map((row) => toFeedItem(row, site)),
  };
}
