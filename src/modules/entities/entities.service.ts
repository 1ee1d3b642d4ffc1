import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { writeTransaction, type DatabaseHandle } from '../../db/client.js';
import { entities, entityAliases, entityRedirects, entitySuppressions } from '../../db/schema.js';
import { inlineCount } from '../../db/inline.js';
import { cutPage, decodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict, notFound } from '../../lib/problem.js';
import { UUID_LIKE } from '../../lib/schemas.js';
import { slugify } from '../../lib/slug.js';
import type { Clock } from '../../lib/time.js';
import type { EntityType } from '../../lib/vocabulary.js';
import type { CreateEntityInput, Entity, ListEntitiesQuery, PatchEntityInput } from './entities.schemas.js';
import type { EntityCatalog } from './entity-catalog.js';
import { nameKey } from './entity-names.js';
import { toEntity, toEntitySummary, type EntityRow, type EntitySummary } from './entity-resource.js';
import type { NewChange } from '../changes/changes.service.js';
import type { MentionStore } from './mention-store.js';

export interface FoundEntity {
  row: EntityRow;
  /** Set when the id or slug asked for was an old slug of this entity (merged or renamed). */
  movedFrom?: string;
}

export type EntitiesService = ReturnType<typeof createEntitiesService>;

export function createEntitiesService(deps: {
  database: DatabaseHandle;
  clock: Clock;
  catalog: EntityCatalog;
  mentions: MentionStore;
  /** Records an entity merge in the change feed, inside the merge transaction. */
  recordChange: (change: NewChange) => void;
  /** Tells caches that what lists and embeds show changed (a rename, a deletion). */
  touchContent: (at: number) => void;
}) {
  const { database, clock, catalog, mentions: mentionStore } = deps;
  const { db } = database;

  // Entity pages, entity feeds and entity filters start here: prepared once.
  const byId = db.select().from(entities).where(eq(entities.id, sql.placeholder('key'))).prepare();
  const bySlug = db.select().from(entities).where(eq(entities.slug, sql.placeholder('key'))).prepare();
  const redirected = db
    .select({ row: entities })
    .from(entityRedirects)
    .innerJoin(entities, eq(entities.seq, entityRedirects.entitySeq))
    .where(eq(entityRedirects.slug, sql.placeholder('key')))
    .prepare();

  function find(idOrSlug: string): FoundEntity | undefined {
    const key = idOrSlug.toLowerCase();
    const row = (UUID_LIKE.test(key) ? byId : bySlug).get({ key });
    if (row) return { row };
    const moved = redirected.get({ key });
    return moved ? { row: moved.row, movedFrom: key } : undefined;
  }

  /** An entity by id or slug; an old slug of a merged entity resolves only for reads. */
  function get(idOrSlug: string, options: { followMoves: boolean } = { followMoves: false }): FoundEntity {
    const found = find(idOrSlug);
    if (!found || (found.movedFrom !== undefined && !options.followMoves)) throw notFound(`Entity ${idOrSlug}`);
    return found;
  }

  function aliasesOf(seqs: number[]): Map<number, string[]> {
    const byEntity = new Map<number, string[]>(seqs.map((seq) => [seq, []]));
    if (seqs.length === 0) return byEntity;
    const rows = db.select().from(entityAliases).where(inArray(entityAliases.entitySeq, seqs)).orderBy(asc(entityAliases.alias)).all();
    for (const row of rows) byEntity.get(row.entitySeq)?.push(row.alias);
    return byEntity;
  }

  /** Entities as the API shows them: with their aliases and first/last publication seen. */
  function present(rows: EntityRow[]): Entity[] {
    const aliases = aliasesOf(rows.map((row) => row.seq));
    const now = clock();
    return rows.map((row) => toEntity(row, aliases.get(row.seq) ?? [], mentionStore.seenRange(row.seq, now)));
  }

  /** Entities with their aliases, without the dates (for lists embedded in other resources). */
  function summarize(rows: EntityRow[]): EntitySummary[] {
    const aliases = aliasesOf(rows.map((row) => row.seq));
    return rows.map((row) => toEntitySummary(row, aliases.get(row.seq) ?? []));
  }

  function slugTaken(slug: string): boolean {
    return (
      db.select({ seq: entities.seq }).from(entities).where(eq(entities.slug, slug)).get() !== undefined ||
      db.select({ slug: entityRedirects.slug }).from(entityRedirects).where(eq(entityRedirects.slug, slug)).get() !== undefined
    );
  }

  function uniqueSlug(name: string): string {
    const base = slugify(name) || 'entity';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!slugTaken(candidate)) return candidate;
    }
  }

  /** Replaces the names an entity is matched by: its name and `aliases`, one row per key. */
  function setNames(seq: number, name: string, aliases: string[]): void {
    db.delete(entityAliases).where(eq(entityAliases.entitySeq, seq)).run();
    const seen = new Set<string>();
    for (const alias of [name, ...aliases]) {
      const key = nameKey(alias);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      db.insert(entityAliases).values({ entitySeq: seq, alias, aliasKey: key }).run();
    }
  }

  function publishToCatalog(row: EntityRow): void {
    const aliases = aliasesOf([row.seq]).get(row.seq) ?? [];
    catalog.changed(row.seq, { id: String(row.seq), name: row.name, type: row.type, aliases: aliases.filter((a) => a !== row.name) });
  }

  /** Creates an entity inside the caller's transaction (extraction uses this too). */
  function insert(input: { name: string; type: EntityType; slug?: string | undefined; aliases: string[]; description: string | null; wikidataQid: string | null }): EntityRow {
    if (input.slug !== undefined && slugTaken(input.slug)) throw conflict('slug-taken', `The slug "${input.slug}" is already used by another entity`);
    const now = clock();
    const row = db
      .insert(entities)
      .values({
        id: newId(),
        slug: input.slug ?? uniqueSlug(input.name),
        name: input.name,
        nameKey: nameKey(input.name),
        type: input.type,
        description: input.description,
        wikidataQid: input.wikidataQid,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    setNames(row.seq, row.name, input.aliases);
    db.delete(entitySuppressions).where(eq(entitySuppressions.nameKey, row.nameKey)).run();
    publishToCatalog(row);
    return row;
  }

  function create(input: CreateEntityInput): EntityRow {
    return writeTransaction(database, () =>
      insert({ name: input.name, type: input.type, slug: input.slug, aliases: input.aliases, description: input.description, wikidataQid: input.wikidata_qid }),
    );
  }

  function update(idOrSlug: string, patch: PatchEntityInput): EntityRow {
    return writeTransaction(database, () => {
      const { row: current } = get(idOrSlug);
      const currentAliases = (aliasesOf([current.seq]).get(current.seq) ?? []).filter((a) => a !== current.name);
      const name = patch.name ?? current.name;
      let aliases = patch.aliases ?? currentAliases;
      // A renamed entity is still found under its old name.
      if (name !== current.name && !aliases.some((a) => nameKey(a) === current.nameKey)) aliases = [current.name, ...aliases];
      const row = db
        .update(entities)
        .set({
          name,
          nameKey: nameKey(name),
          type: patch.type ?? current.type,
          description: patch.description !== undefined ? patch.description : current.description,
          wikidataQid: patch.wikidata_qid !== undefined ? patch.wikidata_qid : current.wikidataQid,
          updatedAt: clock(),
        })
        .where(eq(entities.seq, current.seq))
        .returning()
        .get();
      setNames(row.seq, row.name, aliases);
      publishToCatalog(row);
      deps.touchContent(row.updatedAt);
      return row;
    });
  }

  /** Deletes an entity and its links (never an article); extraction will not propose its names again. */
  function remove(idOrSlug: string): void {
    writeTransaction(database, () => {
      const { row } = get(idOrSlug);
      const now = clock();
      for (const alias of aliasesOf([row.seq]).get(row.seq) ?? []) {
        db.insert(entitySuppressions).values({ nameKey: nameKey(alias), createdAt: now }).onConflictDoNothing().run();
      }
      db.delete(entities).where(eq(entities.seq, row.seq)).run();
      catalog.changed(row.seq, null);
      deps.touchContent(now);
    });
  }

  /** Merges `sourceId` into `intoId`: links, names and slugs move to the survivor. */
  function merge(sourceId: string, intoId: string, actor: string | null): EntityRow {
    return writeTransaction(database, () => {
      const { row: source } = get(sourceId);
      const target = find(intoId)?.row;
      if (!target) throw badRequest('body', 'into', `entity ${intoId} does not exist`);
      if (target.seq === source.seq) throw badRequest('body', 'into', 'an entity cannot be merged into itself');
      mentionStore.moveLinks(source.seq, target.seq);
      const names = [...(aliasesOf([target.seq]).get(target.seq) ?? []), ...(aliasesOf([source.seq]).get(source.seq) ?? [])];
      setNames(target.seq, target.name, names.filter((n) => nameKey(n) !== target.nameKey));
      db.update(entityRedirects).set({ entitySeq: target.seq }).where(eq(entityRedirects.entitySeq, source.seq)).run();
      db.delete(entities).where(eq(entities.seq, source.seq)).run();
      db.insert(entityRedirects).values({ slug: source.slug, entitySeq: target.seq }).onConflictDoNothing().run();
      db.insert(entityRedirects).values({ slug: source.id, entitySeq: target.seq }).onConflictDoNothing().run();
      const merged = db
        .update(entities)
        .set({ articleCount: mentionStore.publishedCount(target.seq), updatedAt: clock() })
        .where(eq(entities.seq, target.seq))
        .returning()
        .get();
      catalog.changed(source.seq, null);
      publishToCatalog(merged);
      deps.recordChange({
        resource: 'entity',
        resourceId: source.id,
        slug: source.slug,
        kind: 'merge',
        targetId: merged.id,
        isPublic: true,
        at: merged.updatedAt,
        actor,
      });
      return merged;
    });
  }

  function list(query: ListEntitiesQuery) {
    const byName = query.sort === 'name';
    const where: (SQL | undefined)[] = [];
    if (query.type) where.push(eq(entities.type, query.type));
    if (query.q) {
      const prefix = nameKey(query.q);
      where.push(
        sql`${entities.seq} in (select entity_seq from entity_aliases where alias_key >= ${prefix} and alias_key < ${`${prefix}\uffff`})`,
      );
    }
    if (query.cursor !== undefined) {
      if (byName) {
        const [key, seq] = decodeCursor(query.cursor, ['string', 'number'] as const);
        where.push(or(gt(entities.nameKey, key), and(eq(entities.nameKey, key), gt(entities.seq, seq))));
      } else {
        const [count, seq] = decodeCursor(query.cursor, ['number', 'number'] as const);
        where.push(or(lt(entities.articleCount, count), and(eq(entities.articleCount, count), lt(entities.seq, seq))));
      }
    }
    const rows = db
      .select()
      .from(entities)
      .where(and(...where))
      .orderBy(...(byName ? [asc(entities.nameKey), asc(entities.seq)] : [desc(entities.articleCount), desc(entities.seq)]))
      .limit(inlineCount(query.limit + 1))
      .all();
    return cutPage(rows, query.limit, (last) => (byName ? [last.nameKey, last.seq] : [last.articleCount, last.seq]));
  }

  return { find, get, create, insert, update, remove, merge, list, present, summarize, aliasesOf };
}
