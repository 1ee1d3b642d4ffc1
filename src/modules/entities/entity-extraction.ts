import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { entities, entitySuppressions } from '../../db/schema.js';
import type { ArticleRow } from '../articles/article-resource.js';
import type { ArticleWriteEvent } from '../articles/articles.service.js';
import type { EntitiesService } from './entities.service.js';
import type { EntityCatalog } from './entity-catalog.js';
import { nameKey } from './entity-names.js';
import { extractEntities, type ExtractedEntity } from './extract/extract-entities.js';
import type { MentionStats, MentionStore } from './mention-store.js';

/**
 * Keeps an article's entity links in step with its text, inside the article's write
 * transaction: extraction runs when the text changes, new names become entities, and the
 * copied status/sort key and the entities' article counts follow every write.
 */
export function createEntityExtraction(deps: {
  database: DatabaseHandle;
  catalog: EntityCatalog;
  entities: EntitiesService;
  mentions: MentionStore;
}) {
  const { database, catalog, mentions } = deps;
  const { db } = database;

  function extract(article: ArticleRow): ExtractedEntity[] {
    return extractEntities(
      {
        title: article.title,
        standfirst: article.standfirst,
        body: article.bodyText,
        dateline: { place: article.datelinePlace, source: article.datelineSource },
      },
      catalog.current(),
    );
  }

  /** Turns extraction results into entity seqs: known ones as they are, new names created. */
  function resolve(found: ExtractedEntity[]): MentionStats[] {
    const fresh = found.filter((entity) => entity.knownId === undefined);
    const suppressed = new Set(
      fresh.length === 0
        ? []
        : db
            .select({ key: entitySuppressions.nameKey })
            .from(entitySuppressions)
            .where(inArray(entitySuppressions.nameKey, fresh.map((entity) => nameKey(entity.name))))
            .all()
            .map((row) => row.key),
    );
    const stats: MentionStats[] = [];
    for (const entity of found) {
      let seq: number;
      if (entity.knownId !== undefined) {
        seq = Number(entity.knownId);
        addNewAliases(seq, entity.aliases);
      } else {
        if (suppressed.has(nameKey(entity.name))) continue;
        seq = deps.entities.insert({ name: entity.name, type: entity.type, aliases: entity.aliases, description: null, wikidataQid: null }).seq;
      }
      stats.push({ entitySeq: seq, mentionCount: entity.mentions, firstOffset: entity.firstOffset, salience: entity.salience });
    }
    return stats;
  }

  // An acronym defined in a new article ("… Organization (CSTO)") teaches a known entity a name.
  function addNewAliases(seq: number, aliases: string[]): void {
    if (aliases.length === 0) return;
    const known = new Set((deps.entities.aliasesOf([seq]).get(seq) ?? []).map(nameKey));
    const missing = aliases.filter((alias) => !known.has(nameKey(alias)));
    if (missing.length === 0) return;
    const row = db.select().from(entities).where(eq(entities.seq, seq)).get();
    if (row) deps.entities.update(row.id, { aliases: [...(deps.entities.aliasesOf([seq]).get(seq) ?? []).filter((a) => a !== row.name), ...missing] });
  }

  /** Re-runs extraction for one stored article (the CLI's re-extract uses this). */
  function reextract(article: ArticleRow): void {
    mentions.withCountsKept(article.seq, () => mentions.replaceAutomatic(article.seq, resolve(extract(article))));
  }

  /** The ArticleWriteHook. */
  function onArticleWrite(event: ArticleWriteEvent): void {
    const { article } = event;
    if (event.kind === 'delete') {
      // The links go with the article (cascade); the counts must be taken down first.
      mentions.withCountsKept(article.seq, () => mentions.forgetArticle(article.seq));
      return;
    }
    mentions.withCountsKept(article.seq, () => {
      mentions.syncArticleState(article.seq);
      if (event.textChanged) mentions.replaceAutomatic(article.seq, resolve(extract(article)));
    });
  }

  /**
   * Loads the NLP model and builds the matcher of known entities now, so the first article
   * written after start does not pay for them (together up to a second, blocking).
   */
  function warmUp(): void {
    extractEntities({ title: 'Warm-up', body: 'The Minister of Foreign Affairs met officials in Moscow on Monday.' }, catalog.current());
  }

  return { onArticleWrite, reextract, warmUp };
}

export type EntityExtraction = ReturnType<typeof createEntityExtraction>;
