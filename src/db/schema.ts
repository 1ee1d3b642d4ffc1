import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTOR_KINDS,
  COMMENT_STATUSES,
  COMMENTS_MODES,
  FLAG_REASONS,
  MODERATION_ACTIONS,
  READER_STATUSES,
  ROLES,
  STORED_ARTICLE_STATUSES,
} from '../lib/vocabulary.js';
import type { PolicyVerdict } from '../modules/comments/policy/rules.js';

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

export const readers = sqliteTable(
  'readers',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** Lowercase; shown only to the reader themself. Not unique: see README, "Readers". */
    email: text('email').notNull(),
    /** sha-256 of the reader token, hex; the token is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    status: text('status', { enum: READER_STATUSES }).notNull(),
    blockReason: text('block_reason'),
    /** A block ends by itself at this instant; null blocks until a moderator unblocks. */
    blockedUntil: integer('blocked_until'),
    blockedAt: integer('blocked_at'),
    /** Approved comments right now: the policy vets links by it, so it is kept with every transition. */
    approvedCount: integer('approved_count').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [check('readers_status_valid', oneOf('status', READER_STATUSES))],
);

export const comments = sqliteTable(
  'comments',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    articleSeq: integer('article_seq')
      .notNull()
      .references(() => articles.seq, { onDelete: 'cascade' }),
    readerSeq: integer('reader_seq')
      .notNull()
      .references(() => readers.seq),
    parentSeq: integer('parent_seq').references((): AnySQLiteColumn => comments.seq, { onDelete: 'cascade' }),
    /** The top-level comment of the thread (null for a top-level comment): a whole thread is one index range. */
    rootSeq: integer('root_seq').references((): AnySQLiteColumn => comments.seq, { onDelete: 'cascade' }),
    /** 0 for a top-level comment, parent's depth + 1 for a reply. */
    depth: integer('depth').notNull(),
    /** Plain text as the reader wrote it; never trusted as HTML. */
    body: text('body').notNull(),
    /** The body rendered as escaped HTML, once, when written. */
    bodyHtml: text('body_html').notNull(),
    /** Digest of the body's duplicate key: one reader cannot post the same text twice on an article. */
    bodyKey: text('body_key').notNull(),
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    /** Why the policy held or rejected it (empty when it passed), as of the last write of the body. */
    verdicts: text('verdicts', { mode: 'json' }).$type<PolicyVerdict[]>().notNull(),
    /** Readers' flags not yet resolved by a moderator's decision. */
    flagCount: integer('flag_count').notNull().default(0),
    /** When enough flags hid the comment; cleared by a moderator's decision. */
    flaggedAt: integer('flagged_at'),
    createdAt: integer('created_at').notNull(),
    editedAt: integer('edited_at'),
    /** When the comment entered its current status: the moderation queue is oldest first by it. */
    statusAt: integer('status_at').notNull(),
  },
  (t) => [
    index('comments_article_status_created').on(t.articleSeq, t.status, t.createdAt),
    index('comments_parent_article_created').on(t.parentSeq, t.articleSeq, t.createdAt),
    index('comments_root_status_created').on(t.rootSeq, t.status, t.createdAt),
    index('comments_reader_created').on(t.readerSeq, t.createdAt),
    // Only the queue: published comments, the most of them, never touch it.
    index('comments_pending_queue')
      .on(t.statusAt)
      .where(sql`status = 'pending'`),
    uniqueIndex('comments_article_reader_body_key')
      .on(t.articleSeq, t.readerSeq, t.bodyKey)
      .where(sql`status <> 'deleted'`),
    check('comments_status_valid', oneOf('status', COMMENT_STATUSES)),
  ],
);

/** The earlier bodies of an edited comment. */
export const commentRevisions = sqliteTable(
  'comment_revisions',
  {
    seq: integer('seq').primaryKey(),
    commentSeq: integer('comment_seq')
      .notNull()
      .references(() => comments.seq, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    replacedAt: integer('replaced_at').notNull(),
  },
  (t) => [index('comment_revisions_comment').on(t.commentSeq, t.seq)],
);

/** Readers' reports: one per reader per comment, kept after a moderator resolves them. */
export const commentFlags = sqliteTable(
  'comment_flags',
  {
    commentSeq: integer('comment_seq')
      .notNull()
      .references(() => comments.seq, { onDelete: 'cascade' }),
    readerSeq: integer('reader_seq')
      .notNull()
      .references(() => readers.seq),
    reason: text('reason', { enum: FLAG_REASONS }).notNull(),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    primaryKey({ columns: [t.commentSeq, t.readerSeq] }),
    check('comment_flags_reason_valid', oneOf('reason', FLAG_REASONS)),
  ],
);

/**
 * Append-only record of every moderation decision and block (a custom migration makes
 * UPDATE and DELETE fail). It names comments, articles and readers by their public ids,
 * without foreign keys, so deleting an article never needs to touch the log.
 */
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    at: integer('at').notNull(),
    actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
    /** The moderator's API key id, or the author's reader id; null for the policy and the system. */
    actorId: text('actor_id'),
    action: text('action', { enum: MODERATION_ACTIONS }).notNull(),
    commentId: text('comment_id'),
    articleId: text('article_id'),
    readerId: text('reader_id').notNull(),
    fromStatus: text('from_status', { enum: COMMENT_STATUSES }),
    toStatus: text('to_status', { enum: COMMENT_STATUSES }),
    reason: text('reason').notNull(),
    verdicts: text('verdicts', { mode: 'json' }).$type<PolicyVerdict[]>().notNull(),
    until: integer('until'),
  },
  (t) => [
    index('moderation_log_comment').on(t.commentId, t.seq),
    index('moderation_log_reader').on(t.readerId, t.seq),
    check('moderation_log_actor_kind_valid', oneOf('actor_kind', ACTOR_KINDS)),
    check('moderation_log_action_valid', oneOf('action', MODERATION_ACTIONS)),
  ],
);
