import { and, desc, eq, gt, gte, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { writeTransaction, type DatabaseHandle } from '../../db/client.js';
import { keptWhileUnchanged } from '../../db/generation.js';
import { articleRevisions, articles, articleTags, mentions } from '../../db/schema.js';
import { inlineConstant, inlineCount } from '../../db/inline.js';
import { cutPage, decodeCursor, type Page } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { conflict, forbidden, notFound, preconditionFailed } from '../../lib/problem.js';
import { UUID_LIKE } from '../../lib/schemas.js';
import { slugify } from '../../lib/slug.js';
import type { Clock } from '../../lib/time.js';
import { articleHeadColumns, articleSummaryColumns, type ArticleHead, type ArticleRow, type ArticleSnapshot, type ArticleSummaryRow } from './article-resource.js';
import type { CreateArticleInput, ListArticlesFilter, PatchArticleInput } from './articles.schemas.js';
import { resolvePublication, slugLocked } from './publication.js';
import { renderBody } from './render.js';

// Heads of the most read articles: a few hundred bytes each.
const HEADS_KEPT = 2000;

/** What a hook sees of every article write, inside the writing transaction. */
export interface ArticleWriteEvent {
  kind: 'create' | 'update' | 'delete';
  /** The article after the write (for a delete: as it was). */
  article: ArticleRow;
  previous: ArticleRow | null;
  /** Title, standfirst or body differ from before (always true on create). */
  textChanged: boolean;
  at: number;
  actor: string | null;
}
/** Runs inside the write transaction: throwing rolls the whole write back. */
export type ArticleWriteHook = (event: ArticleWriteEvent) => void;

export interface Viewer {
  /** Staff with an editorial role see drafts, scheduled and archived articles too. */
  staff: boolean;
}

export type ArticlesService = ReturnType<typeof createArticlesService>;

/** How the list filter finds an entity (the entities module provides it). */
export type EntityFinder = (idOrSlug: string) => { seq: number; articleCount: number } | undefined;

export function createArticlesService(deps: { database: DatabaseHandle; clock: Clock; hooks?: ArticleWriteHook[]; findEntity?: EntityFinder }) {
  const { database, clock } = deps;
  const { db } = database;
  const hooks = deps.hooks ?? [];

  // Every article read starts here: prepared once, not built and compiled per request.
  const byId = db.select().from(articles).where(eq(articles.id, sql.placeholder('key'))).prepare();
  const bySlug = db.select().from(articles).where(eq(articles.slug, sql.placeholder('key'))).prepare();
  const headById = db.select(articleHeadColumns).from(articles).where(eq(articles.id, sql.placeholder('key'))).prepare();
  const headBySlug = db.select(articleHeadColumns).from(articles).where(eq(articles.slug, sql.placeholder('key'))).prepare();
  // Each read of an article starts with its head, a statement that costs ~40 µs in the loaded
  // server (a read transaction opened and closed on the WAL): heads are kept while nothing
  // commits. The key alone decides the query (UUID-shaped: by id), so one key space serves both.
  const keptHeads = keptWhileUnchanged<ArticleHead | undefined>(database.generation, HEADS_KEPT);

  function findRow(idOrSlug: string): ArticleRow | undefined {
    return (UUID_LIKE.test(idOrSlug) ? byId : bySlug).get({ key: idOrSlug.toLowerCase() });
  }

  function assertVisible<T extends ArticleHead>(row: T | undefined, idOrSlug: string, viewer: Viewer): T {
    const now = clock();
    if (!row || (!viewer.staff && !(row.status === 'published' && (row.publishedAt ?? 0) <= now))) {
      throw notFound(`Article ${idOrSlug}`);
    }
    return row;
  }

  function requireRow(id: string): ArticleRow {
    const row = UUID_LIKE.test(id) ? findRow(id) : undefined;
    if (!row) throw notFound(`Article ${id}`);
    return row;
  }

  /** An article the viewer may see, by id or slug; hidden ones are 404, not 403, to the public. */
  function get(idOrSlug: string, viewer: Viewer): ArticleRow {
    return assertVisible(findRow(idOrSlug), idOrSlug, viewer);
  }

  /**
   * `get` reduced to what the validators and the render-cache key are made of, which answer
   * most reads: no body in its three forms (~20 KB of text for a long read), no JSON to parse.
   */
  function getHead(idOrSlug: string, viewer: Viewer): ArticleHead {
    const key = idOrSlug.toLowerCase();
    const query = UUID_LIKE.test(idOrSlug) ? headById : headBySlug;
    // Whether the viewer may see it depends on the clock too: checked on every read.
    return assertVisible(keptHeads(key, () => query.get({ key })), idOrSlug, viewer);
  }

  function slugTaken(slug: string, exceptSeq?: number): boolean {
    const where = exceptSeq === undefined ? eq(articles.slug, slug) : and(eq(articles.slug, slug), ne(articles.seq, exceptSeq));
    return db.select({ seq: articles.seq }).from(articles).where(where).get() !== undefined;
  }

  /** A free slug from the title: "title", then "title-2", "title-3", … */
  function uniqueSlugFor(title: string): string {
    const base = slugify(title) || 'article';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!slugTaken(candidate)) return candidate;
    }
  }

  // Tag rows copy the article's status and sort key so tag pages are one index scan.
  function syncTagRows(seq: number, tags: string[]): void {
    db.delete(articleTags).where(eq(articleTags.articleSeq, seq)).run();
    for (const tagSlug of new Set(tags.map((tag) => slugify(tag)).filter(Boolean))) {
      db.run(sql`insert into article_tags (tag_slug, article_seq, status, sort_at)
                 select ${tagSlug}, seq, status, sort_at from articles where seq = ${seq}`);
    }
  }

  function runHooks(event: ArticleWriteEvent): void {
    for (const hook of hooks) hook(event);
  }

  function dedupeTags(tags: string[]): string[] {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = slugify(tag);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  const parseTime = (iso: string | null | undefined) => (iso === undefined ? undefined : iso === null ? null : Date.parse(iso));

  function create(input: CreateArticleInput, actor: string | null, options: { onSlugTaken?: 'suffix' | 'conflict' } = {}): ArticleRow {
    return writeTransaction(database, () => {
      const now = clock();
      let slug = input.slug;
      if (slug === undefined && options.onSlugTaken === 'conflict') slug = slugify(input.title) || 'article';
      if (slug !== undefined && slugTaken(slug)) {
        throw conflict('slug-taken', `The slug "${slug}" is already used by another article`);
      }
      const publication =
        input.status === 'draft' && input.published_at === null
          ? { status: 'draft' as const, publishedAt: null, firstPublishedAt: null }
          : resolvePublication(input.status, parseTime(input.published_at), null, now);
      const rendered = renderBody(input.body);
      const row = db
        .insert(articles)
        .values({
          id: newId(),
          slug: slug ?? uniqueSlugFor(input.title),
          title: input.title,
          standfirst: input.standfirst,
          body: input.body,
          bodyHtml: rendered.html,
          bodyText: rendered.text,
          datelinePlace: input.dateline?.place ?? null,
          datelineSource: input.dateline?.source ?? null,
          authors: input.authors,
          section: input.section,
          sectionSlug: input.section === null ? null : slugify(input.section),
          tags: dedupeTags(input.tags),
          language: input.language,
          canonicalUrl: input.canonical_url,
          ...publication,
          createdAt: now,
          updatedAt: now,
          revision: 1,
          commentsMode: input.comments_mode,
        })
        .returning()
        .get();
      syncTagRows(row.seq, row.tags);
      runHooks({ kind: 'create', article: row, previous: null, textChanged: true, at: now, actor });
      return row;
    });
  }

  function update(id: string, patch: PatchArticleInput, options: { expectedRevision?: number | null; actor: string | null }): ArticleRow {
    return writeTransaction(database, () => {
      const now = clock();
      const current = requireRow(id);
      if (options.expectedRevision != null && options.expectedRevision !== current.revision) {
        throw preconditionFailed(`If-Match names revision ${options.expectedRevision}; the article is at revision ${current.revision}`);
      }
      if (patch.revision !== undefined && patch.revision !== current.revision) {
        throw conflict('revision-conflict', `The update was made against revision ${patch.revision}; the article is at revision ${current.revision}`);
      }
      if (patch.slug !== undefined && patch.slug !== current.slug) {
        if (slugLocked(current, now)) throw conflict('slug-locked', 'The slug of an article that has been published cannot change');
        if (slugTaken(patch.slug, current.seq)) throw conflict('slug-taken', `The slug "${patch.slug}" is already used by another article`);
      }

      const next = { ...current };
      if (patch.title !== undefined) next.title = patch.title;
      if (patch.slug !== undefined) next.slug = patch.slug;
      if (patch.standfirst !== undefined) next.standfirst = patch.standfirst;
      if (patch.body !== undefined && patch.body !== current.body) {
        const rendered = renderBody(patch.body);
        Object.assign(next, { body: patch.body, bodyHtml: rendered.html, bodyText: rendered.text });
      }
      if (patch.dateline !== undefined) {
        next.datelinePlace = patch.dateline?.place ?? null;
        next.datelineSource = patch.dateline?.source ?? null;
      }
      if (patch.authors !== undefined) next.authors = patch.authors;
      if (patch.section !== undefined) {
        next.section = patch.section;
        next.sectionSlug = patch.section === null ? null : slugify(patch.section);
      }
      if (patch.tags !== undefined) next.tags = dedupeTags(patch.tags);
      if (patch.language !== undefined) next.language = patch.language;
      if (patch.canonical_url !== undefined) next.canonicalUrl = patch.canonical_url;
      if (patch.comments_mode !== undefined) next.commentsMode = patch.comments_mode;
      if (patch.status !== undefined || patch.published_at !== undefined) {
        const requested = patch.status ?? current.status;
        Object.assign(next, resolvePublication(requested, parseTime(patch.published_at), current, now));
      }

      if (!changed(current, next)) return current;
      db.insert(articleRevisions)
        .values({ articleSeq: current.seq, revision: current.revision, snapshot: snapshotOf(current), replacedAt: now, replacedBy: options.actor })
        .run();
      const { seq, sortAt: _sortAt, ...values } = next;
      const row = db
        .update(articles)
        .set({ ...values, revision: current.revision + 1, updatedAt: now })
        .where(eq(articles.seq, seq))
        .returning()
        .get();
      syncTagRows(row.seq, row.tags);
      const textChanged = row.title !== current.title || row.standfirst !== current.standfirst || row.body !== current.body;
      runHooks({ kind: 'update', article: row, previous: current, textChanged, at: now, actor: options.actor });
      return row;
    });
  }

  function remove(id: string, actor: string | null): void {
    writeTransaction(database, () => {
      const row = requireRow(id);
      runHooks({ kind: 'delete', article: row, previous: row, textChanged: false, at: clock(), actor });
      db.delete(articles).where(eq(articles.seq, row.seq)).run();
    });
  }

  function list(filter: ListArticlesFilter, viewer: Viewer): Page<ArticleSummaryRow> {
    if (filter.status !== undefined && filter.status !== 'published' && !viewer.staff) {
      throw forbidden(`Only editors may list ${filter.status} articles`);
    }
    const now = clock();
    // Entity filters start from the rarest entity's links; others must be present too.
    const entityRefs = (filter.entity ?? [])
      .map((ref) => {
        const entity = deps.findEntity?.(ref);
        if (!entity) throw notFound(`Entity ${ref}`);
        return entity;
      })
      .sort((a, b) => a.articleCount - b.articleCount);
    const tagSlug = filter.tag === undefined ? undefined : slugify(filter.tag);
    // The scan runs on the most selective table whose copies of status and sort key are indexed.
    const driver = entityRefs.length > 0 ? mentions : tagSlug !== undefined ? articleTags : articles;
    const status = driver.status;
    const sortAt = driver.sortAt;
    const seq = 'articleSeq' in driver ? driver.articleSeq : articles.seq;

    const where: (SQL | undefined)[] = [];
    const wanted = filter.status ?? (viewer.staff ? undefined : 'published');
    if (wanted === 'published') where.push(eq(status, 'published'), lte(sortAt, now));
    if (wanted === 'scheduled') where.push(eq(status, 'published'), gt(sortAt, now));
    if (wanted === 'draft' || wanted === 'archived') where.push(eq(status, wanted));
    if (filter.section !== undefined) where.push(eq(articles.sectionSlug, slugify(filter.section)));
    if (tagSlug !== undefined) {
      where.push(
        driver === articleTags
          ? eq(articleTags.tagSlug, tagSlug)
          : sql`exists (select 1 from article_tags t where t.article_seq = ${articles.seq} and t.tag_slug = ${tagSlug})`,
      );
    }
    entityRefs.forEach((entity, i) => {
      where.push(
        i === 0
          ? and(eq(mentions.entitySeq, entity.seq), eq(mentions.linked, inlineConstant(true)))
          : sql`exists (select 1 from mentions m where m.article_seq = ${articles.seq} and m.entity_seq = ${entity.seq} and m.linked = 1)`,
      );
    });
    if (filter.published_after !== undefined) where.push(gte(sortAt, Date.parse(filter.published_after)), sql`${articles.publishedAt} is not null`);
    if (filter.published_before !== undefined) where.push(lt(sortAt, Date.parse(filter.published_before)), sql`${articles.publishedAt} is not null`);
    if (filter.cursor !== undefined) {
      const [afterSort, afterSeq] = decodeCursor(filter.cursor, ['number', 'number'] as const);
      where.push(sql`(${sortAt}, ${seq}) < (${afterSort}, ${afterSeq})`);
    }

    const base =
      driver === articles
        ? db.select(articleSummaryColumns).from(articles)
        : db.select(articleSummaryColumns).from(driver).innerJoin(articles, eq(articles.seq, seq));
    const rows = base
      .where(and(...where))
      .orderBy(desc(sortAt), desc(seq))
      .limit(inlineCount(filter.limit + 1))
      .all();
    return cutPage(rows, filter.limit, (last) => [last.sortAt, last.seq]);
  }

  function revisions(id: string, page: { limit: number; cursor?: string | undefined }) {
    const row = requireRow(id);
    const where = [eq(articleRevisions.articleSeq, row.seq)];
    if (page.cursor !== undefined) {
      const [before] = decodeCursor(page.cursor, ['number'] as const);
      where.push(lt(articleRevisions.revision, before));
    }
    const rows = db
      .select()
      .from(articleRevisions)
      .where(and(...where))
      .orderBy(desc(articleRevisions.revision))
      .limit(inlineCount(page.limit + 1))
      .all();
    return cutPage(rows, page.limit, (last) => [last.revision]);
  }

  return { get, getHead, create, update, remove, list, revisions, findRow };
}

const EDITABLE: (keyof ArticleRow)[] = [
  'slug', 'title', 'standfirst', 'body', 'datelinePlace', 'datelineSource', 'authors', 'section',
  'tags', 'language', 'canonicalUrl', 'status', 'publishedAt', 'commentsMode',
];

function changed(a: ArticleRow, b: ArticleRow): boolean {
  return EDITABLE.some((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** The stored form of a replaced version: the row without its storage key and counters. */
function snapshotOf(row: ArticleRow): ArticleSnapshot {
  const { seq: _seq, sortAt: _sortAt, commentCount: _commentCount, ...rest } = row;
  return rest;
}

