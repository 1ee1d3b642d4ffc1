import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COMMENTS_MODES, ROLES, STORED_ARTICLE_STATUSES } from '../lib/vocabulary.js';

/** A CHECK that keeps an enum column to the values its TypeScript type allows. */
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

// Tables use an integer `seq` primary key (a stable rowid: FTS and joins key on it) and a
// public opaque `id` (UUIDv7). Timestamps are integer milliseconds since the epoch, UTC.

export const articles = sqliteTable(
  'articles',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    standfirst: text('standfirst'),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    datelinePlace: text('dateline_place'),
    datelineSource: text('dateline_source'),
    authors: text('authors', { mode: 'json' }).$type<{ name: string; url?: string }[]>().notNull(),
    section: text('section'),
    sectionSlug: text('section_slug'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    language: text('language').notNull(),
    canonicalUrl: text('canonical_url'),
    status: text('status', { enum: STORED_ARTICLE_STATUSES }).notNull(),
    publishedAt: integer('published_at'),
    firstPublishedAt: integer('first_published_at'),
    /** Newest-first order of every list: publication time, or creation time for never-published drafts. */
    sortAt: integer('sort_at')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(published_at, created_at)`, { mode: 'virtual' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    revision: integer('revision').notNull(),
    commentsMode: text('comments_mode', { enum: COMMENTS_MODES }).notNull(),
    commentCount: integer('comment_count').notNull().default(0),
  },
  (t) => [
    index('articles_status_sort').on(t.status, t.sortAt),
    index('articles_sort').on(t.sortAt),
    index('articles_section_status_sort').on(t.sectionSlug, t.status, t.sortAt),
    index('articles_section_sort').on(t.sectionSlug, t.sortAt),
    check('articles_status_valid', oneOf('status', STORED_ARTICLE_STATUSES)),
    check('articles_comments_mode_valid', oneOf('comments_mode', COMMENTS_MODES)),
    check('articles_published_has_date', sql`status <> 'published' or published_at is not null`),
  ],
);

/**
 * One row per (article, tag). Status and sort key are copied from the article so that a
 * tag page is a single index range scan, newest first, even at millions of rows.
 */
export const articleTags = sqliteTable(
  'article_tags',
  {
    tagSlug: text('tag_slug').notNull(),
    articleSeq: integer('article_seq')
      .notNull()
      .references(() => articles.seq, { onDelete: 'cascade' }),
    status: text('status', { enum: STORED_ARTICLE_STATUSES }).notNull(),
    sortAt: integer('sort_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleSeq, t.tagSlug] }),
    index('article_tags_tag_status_sort').on(t.tagSlug, t.status, t.sortAt, t.articleSeq),
    index('article_tags_tag_sort').on(t.tagSlug, t.sortAt, t.articleSeq),
  ],
);

/** The previous versions of an article: each update stores what it replaced. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    seq: integer('seq').primaryKey(),
    articleSeq: integer('article_seq')
      .notNull()
      .references(() => articles.seq, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    replacedAt: integer('replaced_at').notNull(),
    replacedBy: text('replaced_by'),
  },
  (t) => [uniqueIndex('article_revisions_article_revision').on(t.articleSeq, t.revision)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
  seq: integer('seq').primaryKey(),
  id: text('id').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** sha-256 of the secret, hex; the secret itself is shown once and never stored. */
  secretHash: text('secret_hash').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  lastUsedAt: integer('last_used_at'),
  revokedAt: integer('revoked_at'),
  },
  (t) => [check('api_keys_role_valid', oneOf('role', ROLES))],
);
