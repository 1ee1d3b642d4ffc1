import type { Db } from '../../db/client.js';
import { moderationLog } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';
import type { ActorKind, CommentStatus, ModerationAction } from '../../lib/vocabulary.js';
import type { PolicyVerdict } from '../comments/policy/rules.js';

/** Who made a decision: a moderator's key id, the author's reader id, or nobody in particular. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export const POLICY: Actor = { kind: 'policy', id: null };
export const SYSTEM: Actor = { kind: 'system', id: null };

export interface LogEntry {
  at: number;
  actor: Actor;
  action: ModerationAction;
  readerId: string;
  reason: string;
  comment?: { id: string; articleId: string; from: CommentStatus | null; to: CommentStatus };
  verdicts?: PolicyVerdict[];
  until?: number | null;
}

/** The only write the moderation log ever sees: a new entry (triggers refuse updates and deletes). */
export function appendLogEntry(db: Db, entry: LogEntry): void {
  db.insert(moderationLog)
    .values({
      id: newId(),
      at: entry.at,
      actorKind: entry.actor.kind,
      actorId: entry.actor.id,
      action: entry.action,
      commentId: entry.comment?.id ?? null,
      articleId: entry.comment?.articleId ?? null,
      readerId: entry.readerId,
      fromStatus: entry.comment?.from ?? null,
      toStatus: entry.comment?.to ?? null,
      reason: entry.reason,
      verdicts: entry.verdicts ?? [],
      until: entry.until ?? null,
    })
    .run();
}

export type LogRow = typeof moderationLog.$inferSelect;

export const toLogEntry = (row: LogRow) => ({
  id: row.id,
  at: toIso(row.at),
  actor: { kind: row.actorKind, id: row.actorId },
  action: row.action,
  comment_id: row.commentId,
  article_id: row.articleId,
  reader_id: row.readerId,
  from_status: row.fromStatus,
  to_status: row.toStatus,
  reason: row.reason,
  verdicts: row.verdicts,
  until: toIsoOrNull(row.until),
});
