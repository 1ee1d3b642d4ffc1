import type { readers } from '../../db/schema.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';
import type { ReaderStatus } from '../../lib/vocabulary.js';

export type ReaderRow = typeof readers.$inferSelect;

/** A block is in force until its `until` passes; after that the reader is active again by itself. */
export function isBlocked(row: Pick<ReaderRow, 'status' | 'blockedUntil'>, now: number): boolean {
  return row.status === 'blocked' && (row.blockedUntil === null || row.blockedUntil > now);
}

export function toReaderProfile(row: ReaderRow, now: number) {
  const blocked = isBlocked(row, now);
  const status: ReaderStatus = blocked ? 'blocked' : 'active';
  return {
    id: row.id,
    display_name: row.displayName,
    status,
    block: blocked
      ? { reason: row.blockReason ?? '', until: toIsoOrNull(row.blockedUntil), since: toIso(row.blockedAt ?? row.createdAt) }
      : null,
    approved_comments: row.approvedCount,
    created_at: toIso(row.createdAt),
  };
}

/** Only for the reader themself: the one representation with the e-mail address. */
export const toReader = (row: ReaderRow, now: number) => ({ ...toReaderProfile(row, now), email: row.email });

export const toAuthor = (row: Pick<ReaderRow, 'id' | 'displayName'>) => ({ id: row.id, display_name: row.displayName });
