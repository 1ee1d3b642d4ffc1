import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { keptWhileUnchanged } from '../../db/generation.js';
import { readers } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { badRequest, notFound } from '../../lib/problem.js';
import { hashSecret, newSecret } from '../../lib/secrets.js';
import type { Clock } from '../../lib/time.js';
import type { Principal } from '../../plugins/auth.js';
import { evaluateComment } from '../comments/policy/evaluate.js';
import type { ReaderRow } from './reader-resource.js';
import type { CreateReaderInput } from './readers.schemas.js';

const TOKEN_KIND = 'dlr';

// Readers whose token's owner is kept between writes: a busy discussion's active readers.
const TOKENS_KEPT = 10_000;

/** Reader tokens are `dlr_…`, so the credential resolver tells them from staff keys without a lookup. */
export const isReaderToken = (secret: string): boolean => secret.startsWith(`${TOKEN_KIND}_`);

export type ReadersService = ReturnType<typeof createReadersService>;

export function createReadersService(deps: { database: DatabaseHandle; clock: Clock }) {
  const { db } = deps.database;
  const { clock } = deps;
  const byTokenHash = db
    .select({ id: readers.id })
    .from(readers)
    .where(eq(readers.tokenHash, sql.placeholder('hash')))
    .prepare();
  const byId = db.select().from(readers).where(eq(readers.id, sql.placeholder('id'))).prepare();
  // A signed-in reader's every page view resolves the token; each read outside a transaction
  // takes and drops SQLite's WAL read lock. Kept while the database stays as it was.
  const keptOwners = keptWhileUnchanged<{ id: string } | undefined>(deps.database.generation, TOKENS_KEPT);

  /**
   * A new reader and their token. Every call makes a new reader, whatever the e-mail: answering
   * "taken" would tell anyone which addresses have an account here.
   */
  function create(input: CreateReaderInput): { row: ReaderRow; token: string } {
    // A name is shown with every comment, so it answers to the same policy; links included.
    const { verdicts } = evaluateComment(input.display_name, { readerHasApprovedHistory: false });
    if (verdicts.length > 0) {
      const broken = verdicts.map((verdict) => `${verdict.code} (${verdict.detail})`).join(', ');
      throw badRequest('body', 'display_name', `breaks the discussion policy: ${broken}`);
    }
    const token = newSecret(TOKEN_KIND);
    const row = db
      .insert(readers)
      .values({
        id: newId(),
        displayName: input.display_name,
        email: input.email.toLowerCase(),
        tokenHash: hashSecret(token),
        status: 'active',
        createdAt: clock(),
      })
      .returning()
      .get();
    return { row, token };
  }

  /** The principal of a reader token; blocked readers still authenticate (and see their block). */
  function resolve(token: string): Principal | null {
    const hash = hashSecret(token);
    const row = keptOwners(hash, () => byTokenHash.get({ hash }));
    return row ? { kind: 'reader', readerId: row.id } : null;
  }

  function get(id: string): ReaderRow {
    const row = byId.get({ id: id.toLowerCase() });
    if (!row) throw notFound(`Reader ${id}`);
    return row;
  }

  return { create, resolve, get };
}
