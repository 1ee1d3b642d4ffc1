/** Enumerations shared by the database schema, the zod contract and the services: defined once here. */

export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * What the database stores. "scheduled" is not stored: it is a published article whose
 * published_at is still in the future, so it goes live by itself at that instant
 * without a job having to run, and every process sharing the database agrees on it.
 */
export const STORED_ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type StoredArticleStatus = (typeof STORED_ARTICLE_STATUSES)[number];

export const COMMENTS_MODES = ['open', 'premoderated', 'closed'] as const;
export type CommentsMode = (typeof COMMENTS_MODES)[number];

export const ROLES = ['admin', 'editor', 'moderator', 'syndication'] as const;
export type Role = (typeof ROLES)[number];

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Who made an article–entity link: extraction, or an editor (whose choice survives re-extraction). */
export const MENTION_ORIGINS = ['auto', 'editor'] as const;
export type MentionOrigin = (typeof MENTION_ORIGINS)[number];
/**
 * What the change feed records. Articles are created, updated, published, unpublished and
 * deleted; publish and unpublish are changes of what the public can see, whether an editor
 * caused them or the clock did (a scheduled article going live). Entities are merged.
 */
export const CHANGE_KINDS = ['create', 'update', 'publish', 'unpublish', 'delete', 'merge'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The kinds of resource a change is about; the log is generic so other resources can join it. */
export const CHANGE_RESOURCES = ['article', 'entity'] as const;
export type ChangeResource = (typeof CHANGE_RESOURCES)[number];
export const READER_STATUSES = ['active', 'blocked'] as const;
export type ReaderStatus = (typeof READER_STATUSES)[number];

/** Allowed moves between these are one table: src/modules/comments/comment-status.ts. */
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const FLAG_REASONS = ['offensive', 'abusive', 'spam', 'off-topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** What a moderation log entry records: a status change of a comment, or a block. */
export const MODERATION_ACTIONS = ['approve', 'hold', 'reject', 'spam', 'delete', 'hide', 'block', 'unblock'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Who decided: a moderator's API key, the discussion policy, the system (flag threshold), or the author. */
export const ACTOR_KINDS = ['moderator', 'policy', 'system', 'reader'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
