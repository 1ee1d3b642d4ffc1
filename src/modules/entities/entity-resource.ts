import type { entities } from '../../db/schema.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';
import type { Entity } from './entities.schemas.js';

export type EntityRow = typeof entities.$inferSelect;
export type EntitySummary = Omit<Entity, 'first_seen_at' | 'last_seen_at'>;

/** An entity without its first/last-seen dates (which cost two index probes each). */
export function toEntitySummary(row: EntityRow, aliases: string[]): EntitySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type,
    aliases: aliases.filter((alias) => alias !== row.name),
    description: row.description,
    wikidata_qid: row.wikidataQid,
    article_count: row.articleCount,
    created_at: toIso(row.createdAt),
    updated_at: toIso(row.updatedAt),
  };
}

export function toEntity(row: EntityRow, aliases: string[], seen: { firstSeenAt: number | null; lastSeenAt: number | null }): Entity {
  return { ...toEntitySummary(row, aliases), first_seen_at: toIsoOrNull(seen.firstSeenAt), last_seen_at: toIsoOrNull(seen.lastSeenAt) };
}
