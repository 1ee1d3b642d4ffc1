import type { CommentSettings } from '../../config.js';
import type { CommentsMode } from '../../lib/vocabulary.js';

/** Levels of a thread: a top-level comment is level 1, so its deepest reply has depth MAX_DEPTH - 1. */
export const MAX_DEPTH = 5;

const DAY_MS = 86_400_000;

export interface Discussion {
  /** The mode readers meet: "closed" also once an auto-close date has passed. */
  mode: CommentsMode;
  /** When an open or premoderated discussion closes by itself; null: it does not. */
  closesAt: number | null;
}

/** An article's discussion as of `now`: its own mode, closed by itself `autocloseDays` after publication. */
export function discussionOf(
  article: { commentsMode: CommentsMode; publishedAt: number | null },
  settings: Pick<CommentSettings, 'autocloseDays'>,
  now: number,
): Discussion {
  if (article.commentsMode === 'closed') return { mode: 'closed', closesAt: null };
  const closesAt =
    settings.autocloseDays === null || article.publishedAt === null ? null : article.publishedAt + settings.autocloseDays * DAY_MS;
  return { mode: closesAt !== null && closesAt <= now ? 'closed' : article.commentsMode, closesAt };
}
