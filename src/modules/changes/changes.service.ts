import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { writeTransaction, type DatabaseHandle } from '../../db/client.js';
import { keptWhileUnchanged } from '../../db/generation.js';
import { articles, changes, contentVersion, scheduledGoLives } from '../../db/schema.js';
import { inlineCount } from '../../db/inline.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import type { ContentVersion } from '../../lib/http-cache.js';
import type { Clock } from '../../lib/time.js';
import type { ArticleRow } from '../articles/article-resource.js';
import type { ArticleWriteHook } from '../articles/articles.service.js';
import { classifyArticleWrite } from './change-kind.js';

export type ChangeRow = typeof changes.$inferSelect;
export type NewChange = typeof changes.$inferInsert;

export interface ChangesPage {
  rows: ChangeRow[];
  /** Where the next poll starts: after the last row returned, or where this one started. */
  nextCursor: string;
  hasMore: boolean;
}

export type ChangesService = ReturnType<typeof createChangesService>;

interface VersionRow {
  version: number;
  modifiedAt: number;
  editorialVersion: number;
  editorialModifiedAt: number;
  nextDue: number | null;
}

interface VersionState {
  listed: ContentVersion;
  editorial: ContentVersion;
  nextDue: number | null;
}

// Tagged once per read of the row, not per request: the letters keep the two counts apart
// in ETags, so a tag handed out for one can never match the other.
function toVersionState(row: VersionRow | undefined): VersionState | undefined {
  if (!row) return undefined;
  return {
    listed: { tag: `v${row.version}`, modifiedAt: row.modifiedAt },
    editorial: { tag: `e${row.editorialVersion}`, modifiedAt: row.editorialModifiedAt },
    nextDue: row.nextDue,
  };
}

/**
 * The change log: written inside every article write transaction (so an event is never
 * lost or half-written), and by the lazy go-live check, which turns a scheduled article's
 * time coming into a `publish` event before anything that could observe it is answered.
 */
export function createChangesService(deps: { database: DatabaseHandle; clock: Clock }) {
  const { database, clock } = deps;
  const { db } = database;

  /**
   * Records a change of any resource and moves the content version; call it inside the
   * transaction of the write it describes. A change whose dedupe key is already recorded is skipped.
   */
  function record(change: NewChange): void {
    if (db.insert(changes).values(change).onConflictDoNothing().run().changes === 0) return;
    touch(change.at);
  }

  /**
   * Moves the content versions, editorial included: for writes that change what lists, feeds or
   * embeds show without being a change of the log (entity renames, editor links). Inside their
   * transaction.
   */
  function touch(at: number): void {
    db.update(contentVersion)
      .set({
        version: sql`${contentVersion.version} + 1`,
        modifiedAt: sql`max(${contentVersion.modifiedAt}, ${at})`,
        editorialVersion: sql`${contentVersion.editorialVersion} + 1`,
        editorialModifiedAt: sql`max(${contentVersion.editorialModifiedAt}, ${at})`,
      })
      .where(eq(contentVersion.id, 1))
      .run();
  }

  // Runs inside a write transaction. The dedupe key keeps a go-live single even if two
  // processes both read the pending row.
  function recordDueGoLives(now: number): void {
    const due = db
      .select({ seq: articles.seq, id: articles.id, slug: articles.slug, revision: articles.revision, dueAt: scheduledGoLives.dueAt })
      .from(scheduledGoLives)
      .innerJoin(articles, eq(articles.seq, scheduledGoLives.articleSeq))
      .where(lte(scheduledGoLives.dueAt, now))
      .orderBy(asc(scheduledGoLives.dueAt), asc(scheduledGoLives.articleSeq))
      .all();
    for (const row of due) {
      record({
        resource: 'article',
        resourceId: row.id,
        slug: row.slug,
        kind: 'publish',
        revision: row.revision,
        isPublic: true,
        at: row.dueAt,
        actor: null,
        dedupeKey: `go-live:${row.id}:${row.dueAt}`,
      });
      db.delete(scheduledGoLives).where(eq(scheduledGoLives.articleSeq, row.seq)).run();
    }
  }

  function trackSchedule(article: ArticleRow, now: number): void {
    if (article.status === 'published' && article.publishedAt !== null && article.publishedAt > now) {
      db.insert(scheduledGoLives)
        .values({ articleSeq: article.seq, dueAt: article.publishedAt })
        .onConflictDoUpdate({ target: scheduledGoLives.articleSeq, set: { dueAt: article.publishedAt } })
        .run();
    } else {
      db.delete(scheduledGoLives).where(eq(scheduledGoLives.articleSeq, article.seq)).run();
    }
  }

  /** The article write hook: go-lives that came due first, so the log stays in time order. */
  const recordArticleWrite: ArticleWriteHook = (event) => {
    recordDueGoLives(event.at);
    const { kind, isPublic } = classifyArticleWrite(event, event.at);
    record({
      resource: 'article',
      resourceId: event.article.id,
      slug: event.article.slug,
      kind,
      revision: event.article.revision,
      isPublic,
      at: event.at,
      actor: event.actor,
    });
    if (event.kind !== 'delete') trackSchedule(event.article, event.at);
  };

  const versionQuery = db
    .select({
      version: contentVersion.version,
      modifiedAt: contentVersion.modifiedAt,
      editorialVersion: contentVersion.editorialVersion,
      editorialModifiedAt: contentVersion.editorialModifiedAt,
      nextDue: sql<number | null>`(select min(${scheduledGoLives.dueAt}) from ${scheduledGoLives})`,
    })
    .from(contentVersion)
    .where(eq(contentVersion.id, 1))
    .prepare();
  // The version is asked for by every list, feed and conditional GET: its query is prepared
  // once, and since reading the row cost a fifth of a conditional GET, the last one read is
  // kept while the database's generation stays (nothing committed since).
  const keptVersion = keptWhileUnchanged<VersionState | undefined>(database.generation, 1);
  const readVersion = (): VersionState | undefined => keptVersion('version', () => toVersionState(versionQuery.get()));

  /**
   * The content versions, after recording any go-live that has come due: a scheduled article
   * going live changes no row, yet every list, feed and poll must see a new version at once.
   */
  function currentVersions(): VersionState {
    const now = clock();
    let state = readVersion();
    if (state?.nextDue != null && state.nextDue <= now) {
      writeTransaction(database, () => recordDueGoLives(now));
      state = readVersion();
    }
    if (!state) throw new Error('content_version has no row: the database is not migrated');
    return state;
  }

  /** The version of everything a list can show: articles, entities and approved-comment counts. */
  const currentVersion = (): ContentVersion => currentVersions().listed;
  /** The version of what feeds and embeds show: readers' comments never move it. */
  const editorialVersion = (): ContentVersion => currentVersions().editorial;

  /** Changes after the `since` cursor, oldest first; the public sees only changes to what it could see. */
  function list(query: { since?: string | undefined; limit: number }, viewer: { staff: boolean }): ChangesPage {
    const after = query.since === undefined ? 0 : decodeCursor(query.since, ['number'] as const, 'since')[0];
    const where: (SQL | undefined)[] = [gt(changes.seq, after)];
    if (!viewer.staff) where.push(eq(changes.isPublic, true));
    const rows = db
      .select()
      .from(changes)
      .where(and(...where))
      .orderBy(asc(changes.seq))
      .limit(inlineCount(query.limit + 1))
      .all();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: encodeCursor([last?.seq ?? after]), hasMore: rows.length > query.limit };
  }

  return { record, touch, recordArticleWrite, currentVersion, editorialVersion, list };
}
