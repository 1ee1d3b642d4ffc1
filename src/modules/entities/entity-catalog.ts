import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { entities, entityAliases, entityCatalogVersion } from '../../db/schema.js';
import { createEntityMatcher, type EntityMatcher, type KnownEntity } from './extract/extract-entities.js';

const ROW_ID = 1;

/**
 * The in-memory matcher of known entities, kept in step with the database. Changes made by
 * this process are applied incrementally; a change made by another process sharing the
 * file (another worker, the CLI) is noticed through the catalog version and triggers one
 * rebuild before the next extraction.
 */
export function createEntityCatalog(database: DatabaseHandle) {
  const { db } = database;
  let matcher: EntityMatcher | null = null;
  let seenVersion: string | null = null;

  const storedVersion = () =>
    db.select({ version: entityCatalogVersion.version }).from(entityCatalogVersion).where(eq(entityCatalogVersion.id, ROW_ID)).get()?.version ?? 'initial';

  function loadAll(): KnownEntity[] {
    const rows = db
      .select({ seq: entities.seq, name: entities.name, type: entities.type, alias: entityAliases.alias })
      .from(entities)
      .leftJoin(entityAliases, eq(entityAliases.entitySeq, entities.seq))
      .all();
    const bySeq = new Map<number, KnownEntity>();
    for (const row of rows) {
      let known = bySeq.get(row.seq);
      if (!known) {
        known = { id: String(row.seq), name: row.name, type: row.type, aliases: [] };
        bySeq.set(row.seq, known);
      }
      if (row.alias !== null && row.alias !== row.name) known.aliases.push(row.alias);
    }
    return [...bySeq.values()];
  }

  /** The matcher, rebuilt first if the database changed behind this process's back. */
  function current(): EntityMatcher {
    const version = storedVersion();
    if (!matcher || version !== seenVersion) {
      matcher = createEntityMatcher(loadAll());
      seenVersion = version;
    }
    return matcher;
  }

  /**
   * Records a change (call inside the writing transaction) and applies it to the matcher:
   * `entity` is the entity as it now is, or null when it is gone.
   */
  function changed(seq: number, entity: KnownEntity | null): void {
    const before = storedVersion();
    const version = randomUUID();
    db.insert(entityCatalogVersion)
      .values({ id: ROW_ID, version })
      .onConflictDoUpdate({ target: entityCatalogVersion.id, set: { version } })
      .run();
    // In step before this change: apply it. If the transaction rolls back, the stored token
    // reverts, differs from seenVersion, and the next use rebuilds from the database.
    if (matcher && before === seenVersion) {
      matcher.remove(String(seq));
      if (entity) matcher.add(entity);
      seenVersion = version;
    }
  }

  return { current, changed };
}

export type EntityCatalog = ReturnType<typeof createEntityCatalog>;
