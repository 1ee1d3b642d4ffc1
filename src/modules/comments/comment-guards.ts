import type { CommentSettings } from '../../config.js';
import { badRequest, Problem } from '../../lib/problem.js';
import { toIso } from '../../lib/time.js';
import type { CommentsMode } from '../../lib/vocabulary.js';
import { isBlocked, type ReaderRow } from '../readers/reader-resource.js';
import type { ArticleRef, StoredComment } from './comment-lookups.js';
import { discussionOf, MAX_DEPTH } from './discussion.js';

/** 403 `reader-blocked` while a block is in force: blocked readers may not post, edit or flag. */
export function assertNotBlocked(reader: ReaderRow, now: number): void {
  if (!isBlocked(reader, now)) return;
  const until = reader.blockedUntil === null ? 'until a moderator lifts the block' : `until ${toIso(reader.blockedUntil)}`;
  throw new Problem(403, 'reader-blocked', 'Reader blocked', `You are blocked from commenting ${until}. Reason: ${reader.blockReason ?? 'none given'}`);
}

/** The article's discussion mode, or 403 `comments-closed` when it takes no comments. */
export function assertOpen(article: ArticleRef, settings: Pick<CommentSettings, 'autocloseDays'>, now: number): CommentsMode {
  const { mode, closesAt } = discussionOf(article, settings, now);
  if (mode !== 'closed') return mode;
  const since = closesAt === null ? '' : ` since ${toIso(closesAt)}`;
  throw new Problem(403, 'comments-closed', 'Comments closed', `This article takes no new comments${since}`);
}

/** A reply goes under a published comment of the same article, no deeper than MAX_DEPTH levels. */
export function assertReplyable(article: ArticleRef, parent: StoredComment | undefined): asserts parent is StoredComment {
  if (!parent || parent.row.articleSeq !== article.seq) throw badRequest('body', 'parent_id', 'is not a comment on this article');
  if (parent.row.status !== 'approved') throw badRequest('body', 'parent_id', 'is not a published comment');
  if (parent.row.depth + 1 >= MAX_DEPTH) {
    throw badRequest('body', 'parent_id', `threads nest at most ${MAX_DEPTH} levels deep; reply to an earlier comment of the thread`);
  }
}
