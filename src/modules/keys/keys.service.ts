import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { keptWhileUnchanged } from '../../db/generation.js';
import { apiKeys } from '../../db/schema.js';
import { inlineCount } from '../../db/inline.js';
import { cutPage, decodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { notFound } from '../../lib/problem.js';
import { hashSecret, newSecret } from '../../lib/secrets.js';
import { toIso, toIsoOrNull, type Clock } from '../../lib/time.js';
import type { Role } from '../../lib/vocabulary.js';
import type { Principal } from '../../plugins/auth.js';

type ApiKeyRow = typeof apiKeys.$inferSelect;

// last_used_at is advisory: writing it on every request would turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

// Keys whose rows are kept between writes: more than a newsroom and its partners hold.
const KEYS_KEPT = 1000;

export const toApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  role: row.role,
  created_at: toIso(row.createdAt),
  last_used_at: toIsoOrNull(row.lastUsedAt),
  revoked_at: toIsoOrNull(row.revokedAt),
});

export type KeysService = ReturnType<typeof createKeysService>;

export function createKeysService(deps: { database: DatabaseHandle; clock: Clock }) {
  const { db } = deps.database;
  const { clock } = deps;
  // Every request with a key resolves it: a partner polls its feed thousands of times per
  // write. The query is prepared once (drizzle built it per request: ~half of a keyed
  // conditional GET), and its row kept while the database stays as it was, since each read
  // outside a transaction takes and drops SQLite's WAL read lock. A revocation is a write,
  // here or in another process (the CLI), so the next request reads the key again.
  const bySecretHash = db.select().from(apiKeys).where(eq(apiKeys.secretHash, sql.placeholder('hash'))).prepare();
  const keptKeys = keptWhileUnchanged<ApiKeyRow | undefined>(deps.database.generation, KEYS_KEPT);
  const markUsed = db.update(apiKeys).set({ lastUsedAt: sql`${sql.placeholder('now')}` }).where(eq(apiKeys.seq, sql.placeholder('seq'))).prepare();

  function create(name: string, role: Role, secret: string = newSecret('dlk')): { row: ApiKeyRow; secret: string } {
    const row = db
      .insert(apiKeys)
      .values({ id: newId(), name, role, secretHash: hashSecret(secret), createdAt: clock() })
      .returning()
      .get();
    return { row, secret };
  }

  /** Makes sure an admin key with this operator-chosen secret exists (DATELINE_ADMIN_KEY). */
  function ensureAdminKey(secret: string): void {
    const existing = bySecretHash.get({ hash: hashSecret(secret) });
    if (!existing) create('bootstrap admin (DATELINE_ADMIN_KEY)', 'admin', secret);
    else if (existing.revokedAt !== null || existing.role !== 'admin') {
      db.update(apiKeys).set({ revokedAt: null, role: 'admin' }).where(eq(apiKeys.seq, existing.seq)).run();
    }
  }

  function resolve(secret: string): Principal | null {
    const hash = hashSecret(secret);
    const row = keptKeys(hash, () => bySecretHash.get({ hash }));
    if (!row || row.revokedAt !== null) return null;
    const now = clock();
    if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) markUsed.run({ now, seq: row.seq });
    return { kind: 'staff', keyId: row.id, role: row.role };
  }

  function list(page: { limit: number; cursor?: string | undefined; include_revoked: boolean }) {
    const where = [];
    if (!page.include_revoked) where.push(isNull(apiKeys.revokedAt));
    if (page.cursor !== undefined) where.push(gt(apiKeys.seq, decodeCursor(page.cursor, ['number'] as const)[0]));
    const rows = db.select().from(apiKeys).where(and(...where)).orderBy(asc(apiKeys.seq)).limit(inlineCount(page.limit + 1)).all();
    return cutPage(rows, page.limit, (last) => [last.seq]);
  }

  function revoke(id: string): ApiKeyRow {
    const row = db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
    if (!row) throw notFound(`API key ${id}`);
    if (row.revokedAt !== null) return row;
    return db.update(apiKeys).set({ revokedAt: clock() }).where(eq(apiKeys.seq, row.seq)).returning().get();
  }

  return { create, ensureAdminKey, resolve, list, revoke };
}
