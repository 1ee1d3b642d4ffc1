import { conflict } from '../../lib/problem.js';
import type { CommentStatus } from '../../lib/vocabulary.js';

/**
 * Every status a comment may move to from each status: the one place that says so.
 *
 * - pending: waiting for a moderator (held by the policy, premoderated, or hidden by flags).
 * - approved: public. Back to pending when flags hide it or an edit is held.
 * - rejected, spam: not public; a moderator may still overturn the decision.
 * - deleted: by its author or a moderator; final.
 *
 * Staying in the same status is not a move: approving an approved comment is a 409.
 */
export const COMMENT_TRANSITIONS = {
  pending: ['approved', 'rejected', 'spam', 'deleted'],
  approved: ['pending', 'rejected', 'spam', 'deleted'],
  rejected: ['approved', 'spam', 'deleted'],
  spam: ['approved', 'rejected', 'deleted'],
  deleted: [],
} as const satisfies Record<CommentStatus, readonly CommentStatus[]>;

export function canTransition(from: CommentStatus, to: CommentStatus): boolean {
  return (COMMENT_TRANSITIONS[from] as readonly CommentStatus[]).includes(to);
}

/** 409 `illegal-transition` unless the table allows `from` → `to`. */
export function assertTransition(from: CommentStatus, to: CommentStatus): void {
  if (!canTransition(from, to)) {
    throw conflict('illegal-transition', `A comment that is ${from} cannot become ${to}`);
  }
}

/** The comment statuses its author may still change by editing. */
export const EDITABLE_STATUSES: readonly CommentStatus[] = ['pending', 'approved'];

/** What a moderator may decide, and the status each decision moves a comment to. */
export const MODERATOR_DECISIONS = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
  delete: 'deleted',
} as const satisfies Record<string, CommentStatus>;
export type ModeratorDecision = keyof typeof MODERATOR_DECISIONS;
