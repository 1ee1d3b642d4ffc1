import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTOR_KINDS,
  CHANGE_KINDS,
  CHANGE_RESOURCES,
  COMMENT_STATUSES,
  COMMENTS_MODES,
  ENTITY_TYPES,
  FLAG_REASONS,
  MENTION_ORIGINS,
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

/** A person, organization or place the news names. */
export const entities = sqliteTable(
  'entities',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** The name folded for ordering and prefix search (see entity-names.ts). */
    nameKey: text('name_key').notNull(),
    type: text('type', { enum: ENTITY_TYPES }).notNull(),
    description: text('description'),
    wikidataQid: text('wikidata_qid'),
    /** Published articles linked to it, kept by the article write hooks. */
    articleCount: integer('article_count').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('entities_count').on(t.articleCount, t.seq),
    index('entities_type_count').on(t.type, t.articleCount, t.seq),
    index('entities_name').on(t.nameKey, t.seq),
    index('entities_type_name').on(t.type, t.nameKey, t.seq),
    check('entities_type_valid', oneOf('type', ENTITY_TYPES)),
  ],
);

/** Every name an entity is known by, its canonical name included, folded for matching. */
export const entityAliases = sqliteTable(
  'entity_aliases',
  {
    entitySeq: integer('entity_seq')
      .notNull()
      .references(() => entities.seq, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entitySeq, t.aliasKey] }), index('entity_aliases_key').on(t.aliasKey)],
);

/** Slugs that moved (merge, rename): they keep resolving to the surviving entity. */
export const entityRedirects = sqliteTable('entity_redirects', {
  slug: text('slug').primaryKey(),
  entitySeq: integer('entity_seq')
    .notNull()
    .references(() => entities.seq, { onDelete: 'cascade' }),
});

/**
 * An article–entity link. `linked = 0` with origin `editor` records an editor's removal, so
 * re-extraction does not bring the link back. Status and sort key are copied from the
 * article (as in article_tags) so an entity's article page is one index range scan.
 */
export const mentions = sqliteTable(
  'mentions',
  {
    articleSeq: integer('article_seq')
      .notNull()
      .references(() => articles.seq, { onDelete: 'cascade' }),
    entitySeq: integer('entity_seq')
      .notNull()
      .references(() => entities.seq, { onDelete: 'cascade' }),
    mentionCount: integer('mention_count').notNull(),
    firstOffset: integer('first_offset').notNull(),
    salience: real('salience').notNull(),
    origin: text('origin', { enum: MENTION_ORIGINS }).notNull(),
    linked: integer('linked', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: STORED_ARTICLE_STATUSES }).notNull(),
    sortAt: integer('sort_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleSeq, t.entitySeq] }),
    index('mentions_entity_status_sort').on(t.entitySeq, t.status, t.sortAt, t.articleSeq).where(sql`linked = 1`),
    index('mentions_entity_sort').on(t.entitySeq, t.sortAt, t.articleSeq).where(sql`linked = 1`),
    check('mentions_origin_valid', oneOf('origin', MENTION_ORIGINS)),
  ],
);

/**
 * A token replaced by every change to entities, so each process knows when its in-memory
 * matcher is stale. A fresh random token (not a counter) cannot repeat after a rollback.
 */
export const entityCatalogVersion = sqliteTable('entity_catalog_version', {
  id: integer('id').primaryKey(),
  version: text('version').notNull(),
});

/** Names of deleted entities: extraction does not propose them again (an editor may still create them). */
export const entitySuppressions = sqliteTable('entity_suppressions', {
  nameKey: text('name_key').primaryKey(),
  createdAt: integer('created_at').notNull(),
});
/**
 * The change log partners mirror Dateline from (GET /v1/changes). `seq` is AUTOINCREMENT so
 * a number is never reused, and SQLite has one writer at a time, so rows commit in `seq`
 * order: a reader that has seen seq N will never later find a new row below N.
 */
export const changes = sqliteTable(
  'changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    resource: text('resource', { enum: CHANGE_RESOURCES }).notNull(),
    resourceId: text('resource_id').notNull(),
    slug: text('slug'),
    kind: text('kind', { enum: CHANGE_KINDS }).notNull(),
    /** For a merge: the id of the entity that absorbed this one. */
    targetId: text('target_id'),
    revision: integer('revision'),
    /** Whether the public could see the resource before or after the change; only those are shown to it. */
    isPublic: integer('is_public', { mode: 'boolean' }).notNull(),
    /** When the change took effect (for a scheduled go-live: the scheduled instant). */
    at: integer('at').notNull(),
    actor: text('actor'),
    /** Set where several processes may record the same fact (a go-live): the second insert is a no-op. */
    dedupeKey: text('dedupe_key').unique(),
  },
  (t) => [
    index('changes_public_seq').on(t.isPublic, t.seq),
    check('changes_kind_valid', oneOf('kind', CHANGE_KINDS)),
    check('changes_resource_valid', oneOf('resource', CHANGE_RESOURCES)),
  ],
);

/** Articles published with a future date, until their go-live has been recorded in `changes`. */
export const scheduledGoLives = sqliteTable(
  'scheduled_go_lives',
  {
    articleSeq: integer('article_seq')
      .primaryKey()
      .references(() => articles.seq, { onDelete: 'cascade' }),
    dueAt: integer('due_at').notNull(),
  },
  (t) => [index('scheduled_go_lives_due').on(t.dueAt)],
);

/**
 * One row: counters that move whenever a public representation may have changed, and the time
 * each last did, so list and feed validators are one primary-key read.
 * - `version`: anything a list can show. Every change logged moves it, and so does every
 *   approved-comment count change (a trigger, migration 0004).
 * - `editorial_version`: what feeds and embeds show (articles, entities, links), which readers'
 *   comments never change: every change logged moves it, comment counts do not (migration 0008).
 */
export const contentVersion = sqliteTable(
  'content_version',
  {
    id: integer('id').primaryKey(),
    version: integer('version').notNull(),
    modifiedAt: integer('modified_at').notNull(),
    editorialVersion: integer('editorial_version').notNull().default(0),
    editorialModifiedAt: integer('editorial_modified_at').notNull().default(0),
  },
  () => [check('content_version_one_row', sql`id = 1`)],
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

/**
 * Where a long maintenance job (e.g. `dateline entities reextract`) got to, so an interrupted
 * run resumes after the last item it committed instead of starting over.
 */
export const maintenanceJobs = sqliteTable('maintenance_jobs', {
  name: text('name').primaryKey(),
  /** The seq of the last item done. */
  position: integer('position').notNull(),
  startedAt: integer('started_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
