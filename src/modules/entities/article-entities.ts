import type { z } from 'zod';
import type { ArticleEntitySchema } from './entities.schemas.js';
import type { EntitiesService } from './entities.service.js';
import type { EntityLinksService } from './entity-links.service.js';

export type ArticleEntity = z.infer<typeof ArticleEntitySchema>;
/** Linked entities of each article (by article seq), as the API shows them. */
export type ArticleEntityPresenter = (articleSeqs: number[]) => Map<number, ArticleEntity[]>;

/** Builds the presenter used by /v1/articles/{id}/entities and by `?include=entities`. */
export function createArticleEntityPresenter(entities: EntitiesService, links: EntityLinksService): ArticleEntityPresenter {
  return (articleSeqs) => {
    const byArticle = links.linksOf(articleSeqs);
    const all = [...byArticle.values()].flat();
    const summaries = entities.summarize(all.map((link) => link.entity));
    const bySeq = new Map(all.map((link, i) => [link.entity.seq, summaries[i]]));
    return new Map(
      [...byArticle].map(([seq, rows]) => [
        seq,
        rows.map((link) => ({
          ...(bySeq.get(link.entity.seq) as NonNullable<ReturnType<typeof bySeq.get>>),
          mention_count: link.mentionCount,
          first_offset: link.firstOffset,
          salience: link.salience,
          origin: link.origin,
        })),
      ]),
    );
  };
}
