import { and, asc, count, eq, gt, gte } from 'drizzle-orm';
import { writeTransaction, type DatabaseHandle } from '../../db/client.js';
import { articles, entities, maintenanceJobs, mentions } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import type { Clock } from '../../lib/time.js';
import type { ChangesService } from '../changes/changes.service.js';
import type { EntityExtraction } from './entity-extraction.js';

export interface ReextractOptions {
  /** Only articles updated at or after this instant (ms); all articles when absent. */
  since?: number | undefined;
  /** Forget where an earlier, interrupted run of the same job got to. */
  restart?: boolean;
  /** Called after each article with the number done and the number this run had to do. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ReextractSummary {
  articles: number;
  /** Where this run started: after this article seq (0 = from the beginning). */
  resumedAfter: number;
  entitiesBefore: number;
  entitiesAfter: number;
  linksBefore: number;
  linksAfter: number;
}

/**
 * Re-runs entity extraction over stored articles, one transaction per article, recording
 * how far it got in the same transaction: interrupting it loses nothing, and running it
 * again resumes after the last article done. Editors' pins and removals stay as they are.
 */
export function createReextraction(deps: { database: DatabaseHandle; clock: Clock; extraction: EntityExtraction; changes: ChangesService }) {
  const { database, clock } = deps;
  const { db } = database;
  const counted = () => ({
    entities: db.select({ n: count() }).from(entities).get()?.n ?? 0,
    links: db.select({ n: count() }).from(mentions).where(eq(mentions.linked, inlineConstant(true))).get()?.n ?? 0,
  });

  async function run(options: ReextractOptions = {}): Promise<ReextractSummary> {
    const job = options.since === undefined ? 'entities-reextract' : `entities-reextract-since-${options.since}`;
    if (options.restart) db.delete(maintenanceJobs).where(eq(maintenanceJobs.name, job)).run();
    const resumedAfter = db.select().from(maintenanceJobs).where(eq(maintenanceJobs.name, job)).get()?.position ?? 0;
    const selected = (after: number) => and(gt(articles.seq, after), options.since === undefined ? undefined : gte(articles.updatedAt, options.since));
    const total = db.select({ n: count() }).from(articles).where(selected(resumedAfter)).get()?.n ?? 0;
    const before = counted();
    const startedAt = clock();

    let position = resumedAfter;
    let done = 0;
    for (;;) {
      const article = db.select().from(articles).where(selected(position)).orderBy(asc(articles.seq)).limit(inlineCount(1)).get();
      if (!article) break;
      writeTransaction(database, () => {
        deps.extraction.reextract(article);
        const now = clock();
        deps.changes.touch(now);
        db.insert(maintenanceJobs)
          .values({ name: job, position: article.seq, startedAt, updatedAt: now })
          .onConflictDoUpdate({ target: maintenanceJobs.name, set: { position: article.seq, updatedAt: now } })
          .run();
      });
      position = article.seq;
      done += 1;
      await options.onProgress?.(done, total);
    }
    db.delete(maintenanceJobs).where(eq(maintenanceJobs.name, job)).run();
    const after = counted();
    return { articles: done, resumedAfter, entitiesBefore: before.entities, entitiesAfter: after.entities, linksBefore: before.links, linksAfter: after.links };
  }

  return { run };
}
