import { z } from 'zod';
import { PageQuery, pageOf, text } from '../../lib/schemas.js';
import { ENTITY_TYPES, MENTION_ORIGINS } from '../../lib/vocabulary.js';

const WikidataQid = z.string().regex(/^Q[1-9]\d{0,11}$/, 'must be a Wikidata item id such as Q7184').describe('Wikidata item id, e.g. Q7184');

export const EntitySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    type: z.enum(ENTITY_TYPES),
    aliases: z.array(z.string()).describe('Other names it is known by; matched in articles like the name'),
    description: z.string().nullable(),
    wikidata_qid: z.string().nullable(),
    article_count: z.number().int().describe('Published articles that mention it'),
    first_seen_at: z.string().nullable().describe('Publication time of the first published article that mentions it'),
    last_seen_at: z.string().nullable().describe('Publication time of the latest published article that mentions it'),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Entity' });
export type Entity = z.infer<typeof EntitySchema>;

export const EntityPage = pageOf(EntitySchema);

const Aliases = z.array(text(200)).max(100);

export const CreateEntityBody = z
  .object({
    name: text(200),
    type: z.enum(ENTITY_TYPES),
    slug: z.string().max(120).regex(/^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u, 'must be lowercase letters, digits and single hyphens').optional(),
    aliases: Aliases.default([]),
    description: text(2000).nullable().default(null),
    wikidata_qid: WikidataQid.nullable().default(null),
  })
  .strict()
  .meta({ id: 'CreateEntity' });
export type CreateEntityInput = z.infer<typeof CreateEntityBody>;

export const PatchEntityBody = z
  .object({
    name: text(200).describe('Renaming keeps the old name as an alias'),
    type: z.enum(ENTITY_TYPES),
    aliases: Aliases.describe('Replaces the aliases'),
    description: text(2000).nullable(),
    wikidata_qid: WikidataQid.nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'PatchEntity' });
export type PatchEntityInput = z.infer<typeof PatchEntityBody>;

export const MergeEntityBody = z
  .object({ into: z.string().min(1).max(120).describe('Id or slug of the entity that survives') })
  .strict()
  .meta({ id: 'MergeEntity' });

export const ListEntitiesQuery = PageQuery.extend({
  type: z.enum(ENTITY_TYPES).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Prefix of a name or alias'),
  sort: z.enum(['articles', 'name']).default('articles').describe('Most mentioned first, or alphabetical'),
});
export type ListEntitiesQuery = z.infer<typeof ListEntitiesQuery>;

export const EntityParams = z.object({ id: z.string().min(1).max(120).describe('Entity id or slug') });

export const ArticleEntitySchema = EntitySchema.omit({ first_seen_at: true, last_seen_at: true })
  .extend({
    mention_count: z.number().int(),
    first_offset: z.number().int().describe('Character offset of the first mention in the analysed text: title, standfirst, dateline and body text joined by blank lines'),
    salience: z.number().describe('0–1: how central the entity is to the article'),
    origin: z.enum(MENTION_ORIGINS).describe('auto: found by extraction · editor: pinned by an editor'),
  })
  .meta({ id: 'ArticleEntity' });
export const ArticleEntityList = z.object({ data: z.array(ArticleEntitySchema) });

export const RelatedEntitySchema = EntitySchema.omit({ first_seen_at: true, last_seen_at: true })
  .extend({
    shared_articles: z.number().int().describe('Published articles mentioning both'),
    weight: z.number().describe('Strength of the relation: shared articles weighted by salience in each'),
  })
  .meta({ id: 'RelatedEntity' });
export const RelatedEntityList = z.object({ data: z.array(RelatedEntitySchema) });

export const ArticleEntityParams = z.object({
  id: z.string().min(1).max(120).describe('Article id'),
  entity_id: z.string().min(1).max(120).describe('Entity id or slug'),
});
