import { and, eq, isNull } from 'drizzle-orm';
import { writeTransaction } from '../../db/client.js';
import { commentFlags, comments } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../lib/problem.js';
import { SYSTEM } from '../moderation/moderation-log.js';
import { isPublic } from '../articles/article-resource.js';
import { assertNotBlocked } from './comment-guards.js';
import { createCommentLookups } from './comment-lookups.js';
import { createCommentTransitions } from './comment-transitions.js';
import type { FlagInput } from './comments.schemas.js';
import type { CommentServiceDeps } from './comments.service.js';

export type FlagRow = typeof commentFlags.$inferSelect;
export type FlagsService = ReturnType<typeof createFlagsService>;

/** "abusive ×2, spam": what the flags that hid a comment said, for the log. */
function tally(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => (count > 1 ? `${reason} ×${count}` : reason)).join(', ');
}

/** Readers' reports. Enough unresolved flags hide a published comment until a moderator decides. */
export function createFlagsService(deps: CommentServiceDeps) {
  const { database, clock, settings } = deps;
  const { db } = database;
  const lookups = createCommentLookups(db);
  const transitions = createCommentTransitions(db);

  function flag(commentId: string, readerId: string, input: FlagInput): FlagRow {
    return writeTransaction(database, () => {
      const now = clock();
      const reader = deps.readers.get(readerId);
      assertNotBlocked(reader, now);
      const found = lookups.comment(commentId);
      // Published comments, and those already hidden by flags (others may have seen them before).
      const flaggable = found?.row.status === 'approved' || (found?.row.status === 'pending' && found.row.flaggedAt !== null);
      if (!found || !flaggable || !isPublic(found.article, now)) throw notFound(`Comment ${commentId}`);
      const { row, subject } = found;
      if (row.readerSeq === reader.seq) throw forbidden('Readers cannot flag their own comments');
      const existing = db
        .select({ at: commentFlags.createdAt })
        .from(commentFlags)
        .where(and(eq(commentFlags.commentSeq, row.seq), eq(commentFlags.readerSeq, reader.seq)))
        .get();
      if (existing) throw conflict('already-flagged', 'You have already flagged this comment');

      const flagged = db
        .insert(commentFlags)
        .values({ commentSeq: row.seq, readerSeq: reader.seq, reason: input.reason, note: input.note ?? null, createdAt: now })
        .returning()
        .get();
      const flagCount = row.flagCount + 1;
      if (row.status === 'approved' && flagCount >= settings.flagThreshold) {
        const reasons = db
          .select({ reason: commentFlags.reason })
          .from(commentFlags)
          .where(and(eq(commentFlags.commentSeq, row.seq), isNull(commentFlags.resolvedAt)))
          .all();
        const reason = `Hidden for review after ${flagCount} readers' flags (${tally(reasons.map((r) => r.reason))})`;
        transitions.move(row, subject, { to: 'pending', action: 'hide', actor: SYSTEM, reason, set: { flagCount, flaggedAt: now } }, now);
      } else {
        db.update(comments).set({ flagCount }).where(eq(comments.seq, row.seq)).run();
      }
      return flagged;
    });
  }

  return { flag };
}
