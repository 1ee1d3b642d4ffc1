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
