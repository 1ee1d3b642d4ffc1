import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  CHANGE_KINDS,
  CHANGE_RESOURCES,
  COMMENTS_MODES,
  ENTITY_TYPES,
  MENTION_ORIGINS,
  ROLES,
  STORED_ARTICLE_STATUSES,
} from '../lib/vocabulary.js';

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
 * One row: a counter that moves whenever any public representation may have changed, and
 * the time it last did, so list and feed validators are one primary-key read. Every change
 * logged moves it, and so does every approved-comment count change (a trigger, migration 0003).
 */
export const contentVersion = sqliteTable(
  'content_version',
  {
    id: integer('id').primaryKey(),
    version: integer('version').notNull(),
    modifiedAt: integer('modified_at').notNull(),
  },
  () => [check('content_version_one_row', sql`id = 1`)],
);
