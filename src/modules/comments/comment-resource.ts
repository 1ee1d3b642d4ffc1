import { toIso, toIsoOrNull } from '../../lib/time.js';
import { toAuthor } from '../readers/reader-resource.js';
import type { CommentList, ListedComment } from './comment-lists.service.js';
import type { StoredComment } from './comment-lookups.js';
import { posterMessage } from './comment-outcome.js';
import type { CommentRow } from './comment-transitions.js';
import type { ThreadComment } from './comments.schemas.js';
import type { WrittenComment } from './comments.service.js';
import type { FlagRow } from './flags.service.js';
import type { Nested } from './threads.js';

type Presentable = Pick<CommentRow, 'id' | 'depth' | 'body' | 'bodyHtml' | 'createdAt' | 'editedAt'>;

/** A comment as the public sees it: no status, no verdicts, no flags. */
export function toComment(row: Presentable, context: Pick<StoredComment, 'author' | 'parentId'> & { articleId: string }) {
  return {
    id: row.id,
    article_id: context.articleId,
    parent_id: context.parentId,
    depth: row.depth,
    author: toAuthor(context.author),
    body: row.body,
    body_html: row.bodyHtml,
    created_at: toIso(row.createdAt),
    edited_at: toIsoOrNull(row.editedAt),
  };
}

export const toFlag = (flag: FlagRow, commentId: string) => ({
  comment_id: commentId.toLowerCase(),
  reason: flag.reason,
  note: flag.note,
  created_at: toIso(flag.createdAt),
});

/** What the author gets back from a post or an edit: the comment, its status, and why. */
export function toPostedComment(written: WrittenComment) {
  const { row } = written;
  const status = row.status === 'approved' || row.status === 'pending' ? row.status : 'rejected';
  return {
    ...toComment(row, { ...written, articleId: written.article.id }),
    status,
    verdicts: row.verdicts,
    message: posterMessage(status, row.verdicts, written.mode),
  } as const;
}

/** A thread node; a comment no longer public keeps its place (for its replies) but shows nothing of itself. */
function toThreadComment(node: Nested<ListedComment>, articleId: string, parentId: string | null): ThreadComment {
  const removed = node.status !== 'approved';
  return {
    id: node.id,
    article_id: articleId,
    parent_id: parentId,
    depth: node.depth,
    created_at: toIso(node.createdAt),
    edited_at: removed ? null : toIsoOrNull(node.editedAt),
    removed,
    author: removed ? null : toAuthor(node.author),
    body: removed ? null : node.body,
    body_html: removed ? null : node.bodyHtml,
    replies: node.replies.map((reply) => toThreadComment(reply, articleId, node.id)),
  };
}

/** A list page as the API answers it: its view, its comments and the article's discussion. */
export function toCommentList(list: CommentList) {
  const articleId = list.article.id;
  const discussion = {
    mode: list.discussion.mode,
    closes_at: toIsoOrNull(list.discussion.closesAt),
    comment_count: list.article.commentCount,
  };
  const next_cursor = list.page.nextCursor;
  if (list.view === 'flat') {
    const data = list.page.rows.map((row) => toComment(row, { author: row.author, parentId: row.parentId, articleId }));
    return { view: list.view, data, next_cursor, discussion };
  }
  const data = list.page.rows.map((root) => ({ ...toThreadComment(root, articleId, null), reply_count: root.replyCount }));
  return { view: list.view, data, next_cursor, discussion };
}
