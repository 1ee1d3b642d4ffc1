import type { CommentsMode, CommentStatus, ModerationAction } from '../../lib/vocabulary.js';
import type { PolicyDecision, PolicyVerdict } from './policy/rules.js';

/**
 * Where the policy's decision puts a comment that is posted (current undefined) or edited.
 * A premoderated article publishes nothing unreviewed, edits included; an edit of a comment
 * that waits for a moderator keeps waiting, so editing never skips the queue.
 */
export function statusAfterPolicy(decision: PolicyDecision, mode: CommentsMode, current?: CommentStatus): CommentStatus {
  if (decision === 'reject') return 'rejected';
  if (decision === 'hold' || mode === 'premoderated' || current === 'pending') return 'pending';
  return 'approved';
}

const cited = (verdicts: readonly PolicyVerdict[]) => verdicts.map((verdict) => `${verdict.code}: ${verdict.detail}`).join('; ');

/** How the moderation log names the policy keeping a comment from being published. */
export const withheldAction = (status: CommentStatus): ModerationAction => (status === 'rejected' ? 'reject' : 'hold');

/** Why the policy kept a comment from being published, for the moderation log. */
export function withheldReason(status: CommentStatus, verdicts: readonly PolicyVerdict[]): string {
  if (verdicts.length === 0) return 'Every comment on this article is reviewed before it is published';
  return `The discussion policy ${status === 'rejected' ? 'rejected' : 'held'} it (${cited(verdicts)})`;
}

/** The sentence a frontend can show the poster as it is. */
export function posterMessage(status: CommentStatus, verdicts: readonly PolicyVerdict[], mode: CommentsMode): string {
  if (status === 'approved') return 'Your comment is published.';
  if (status === 'rejected') {
    return `Your comment was not published because it breaks the discussion policy (${cited(verdicts)}).`;
  }
  if (verdicts.length > 0) {
    return `Your comment will appear once a moderator has approved it: it may break the discussion policy (${cited(verdicts)}).`;
  }
  return mode === 'premoderated'
    ? 'Your comment will appear once a moderator has approved it: every comment on this article is reviewed first.'
    : 'Your comment will appear once a moderator has approved it.';
}
