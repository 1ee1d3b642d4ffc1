import type { EntityType } from '../../lib/vocabulary.js';
import type { ArticleRow } from '../articles/article-resource.js';

/** An entity an article names, as the per-article formats (JSON-LD, ninjs) use it. */
export interface ArticleEntity {
  name: string;
  type: EntityType;
  wikidata_qid?: string | null;
  /** 0–1: how central the entity is to the article. */
  salience: number;
}

/** The entities an article names; the entities module provides the real one. */
export type ArticleEntitiesSource = (article: Pick<ArticleRow, 'seq'>) => ArticleEntity[];

/** Entities at least this salient are what an article is about; the others it mentions. */
export const ABOUT_MIN_SALIENCE = 0.5;

const QID = /^Q[1-9]\d*$/;

/** The most salient first, split into what the article is about and what it mentions. */
export function bySalience(entities: ArticleEntity[]): { about: ArticleEntity[]; mentions: ArticleEntity[] } {
  const sorted = [...entities].sort((a, b) => b.salience - a.salience || a.name.localeCompare(b.name));
  return {
    about: sorted.filter((entity) => entity.salience >= ABOUT_MIN_SALIENCE),
    mentions: sorted.filter((entity) => entity.salience < ABOUT_MIN_SALIENCE),
  };
}

/** The entity's Wikidata QID when it is a well-formed one. */
export const wikidataQid = (entity: ArticleEntity): string | null =>
  entity.wikidata_qid != null && QID.test(entity.wikidata_qid) ? entity.wikidata_qid : null;
