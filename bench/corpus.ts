import type Database from 'better-sqlite3';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { hashSecret } from '../src/lib/secrets.js';
import { slugify } from '../src/lib/slug.js';
import { renderBody } from '../src/modules/articles/render.js';
import { bodyKey } from '../src/modules/comments/comments.service.js';
import { renderCommentHtml } from '../src/modules/comments/comment-render.js';
import { nameKey } from '../src/modules/entities/entity-names.js';
import { buildAnalysisText } from '../src/modules/entities/extract/analysis-text.js';
import { salience } from '../src/modules/entities/extract/salience.js';
import { buildVocabulary, createTextGenerator, type GeneratedArticle, type Vocabulary } from './corpus-text.js';
import { createRandom, type Random, uuidv7At } from './random.js';

// The bulk path: writes, with prepared statements in large transactions, exactly the rows the
// services would write for the same articles, readers and comments (test/bench/corpus.test.ts
// compares the two). Running extraction and the policy per article would take hours at a
// million articles; here the generator knows which entities each text names, and the offsets,
// counts and salience are computed with the extractor's own functions.

/** The newest article's publication; older ones step back from it. Fixed, so seeds reproduce. */
export const CORPUS_END = Date.parse('2026-01-01T00:00:00Z');
const SPACING_MS = 180_000;
const READERS = 1000;
const BATCH = 500;

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** Known entities (default 10,000); tests use fewer. */
  entities?: number;
  onProgress?: (done: number) => void;
}

export interface CorpusInfo {
  articles: number;
  entities: number;
  comments: number;
  /** Reader tokens (the secrets), for posting comments. */
  readerTokens: string[];
  /** The slug of the article the item endpoints read: the newest. */
  articleSlug: string;
  /** The entity named by the most articles: its page is the largest. */
  entitySlug: string;
  vocabulary: Vocabulary;
}

/** One planned article: what the generator wrote and when it was published. */
export interface PlannedArticle {
  text: GeneratedArticle;
  at: number;
  comments: { body: string; reader: number; at: number }[];
}

/** The corpus as a sequence, newest last: the bulk path and the service path both replay it. */
export function planCorpus(options: { articles: number; seed: number; entities?: number }) {
  const vocabulary = buildVocabulary(options.seed, options.entities);
  const generator = createTextGenerator(vocabulary);
  const random = createRandom(options.seed);
  const start = CORPUS_END - (options.articles - 1) * SPACING_MS;
  function* articles(): Generator<PlannedArticle> {
    for (let i = 0; i < options.articles; i++) {
      const at = start + i * SPACING_MS - random.int(0, 60_000);
      const text = generator.article(random);
      const count = random.next() < 0.3 ? random.int(1, 8) : 0;
      const comments = Array.from({ length: count }, (_, n) => ({ body: generator.comment(random), reader: random.int(0, READERS - 1), at: at + (n + 1) * 60_000 }));
      yield { text, at, comments };
    }
  }
  // Entities and readers exist a day before the first article.
  return { vocabulary, setupAt: start - 86_400_000, articles, readers: READERS };
}

/** The Markdown source and its two rendered forms, for the plain paragraphs the generator writes. */
export function renderPlain(paragraphs: string[]): { body: string; html: string; text: string } {
  return { body: paragraphs.join('\n\n'), html: paragraphs.map((p) => `<p>${p}</p>`).join('\n'), text: paragraphs.join('\n\n') };
}

/** Where each cast member is named in the analysis text, and the figures extraction would store. */
export function mentionFigures(article: GeneratedArticle, bodyText: string, names: string[]) {
  const analysis = buildAnalysisText({
    title: article.title,
    standfirst: article.standfirst,
    body: bodyText,
    dateline: { place: article.place.name, source: article.agency.name },
  });
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const offsets = names.map((name) => {
    const found: number[] = [];
    for (let at = analysis.text.indexOf(name); at !== -1; at = analysis.text.indexOf(name, at + name.length)) {
      if (!isWordChar(analysis.text[at - 1]) && !isWordChar(analysis.text[at + name.length])) found.push(at);
    }
    return found;
  });
  const most = Math.max(0, ...offsets.map((o) => o.length));
  return offsets.map((o) => ({ count: o.length, first: o[0] ?? 0, salience: salience(o, analysis.segments, analysis.text.length, most) }));
}

function readerToken(random: Random): string {
  return `dlr_${Buffer.from(random.hex(64), 'hex').toString('base64url')}`;
}

/** Generates the corpus into a new database at `path` (migrated here). */
export function writeCorpus(path: string, options: CorpusOptions): CorpusInfo {
  const database = openDatabase(path);
  applyMigrations(database);
  const { sqlite } = database;
  // A throwaway database being filled: durability per transaction buys nothing here.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  try {
    return fill(sqlite, options);
  } finally {
    sqlite.pragma('synchronous = NORMAL');
    database.close();
  }
}

function fill(sqlite: Database.Database, options: CorpusOptions): CorpusInfo {
  const plan = planCorpus(options);
  const { vocabulary } = plan;
  const random = createRandom(options.seed ^ 0x1d5);
  const st = statements(sqlite);
  const created = plan.setupAt;

  const entitySeqs: number[] = [];
  const entitySlugs: string[] = [];
  sqlite.transaction(() => {
    const taken = new Set<string>();
    for (const entity of vocabulary.entities) {
      let slug = slugify(entity.name);
      for (let n = 2; taken.has(slug); n++) slug = `${slugify(entity.name)}-${n}`;
      taken.add(slug);
      const seq = Number(st.entity.run(uuidv7At(created, random), slug, entity.name, nameKey(entity.name), entity.type, created, created).lastInsertRowid);
      st.alias.run(seq, entity.name, nameKey(entity.name));
      entitySeqs.push(seq);
      entitySlugs.push(slug);
    }
    st.catalog.run(uuidv7At(created, random));
  })();

  const readerTokens: string[] = [];
  const readerSeqs: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < plan.readers; i++) {
      const token = readerToken(random);
      readerTokens.push(token);
      const at = created + i;
      readerSeqs.push(Number(st.reader.run(uuidv7At(at, random), `Reader ${i + 1}`, `reader${i + 1}@example.org`, hashSecret(token), at).lastInsertRowid));
    }
  })();

  const slugs = new Set<string>();
  let done = 0;
  let comments = 0;
  let lastSlug = '';
  let batch: PlannedArticle[] = [];
  const flush = sqlite.transaction((items: PlannedArticle[]) => {
    for (const item of items) {
      lastSlug = insertArticle(item);
      comments += item.comments.length;
    }
  });

  function insertArticle({ text, at, comments: planned }: PlannedArticle): string {
    const rendered = renderPlain(text.paragraphs);
    // The generator writes no Markdown syntax, so rendering is wrapping; prove it now and then.
    if (done % 997 === 0) {
      const real = renderBody(rendered.body);
      if (real.html !== rendered.html || real.text !== rendered.text) throw new Error(`bulk rendering differs from renderBody for "${text.title}"`);
    }
    let slug = slugify(text.title) || 'article';
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(text.title)}-${n}`;
    slugs.add(slug);
    const id = uuidv7At(at, random);
    const tags = text.tags;
    const seq = Number(
      st.article.run({
        id, slug, title: text.title, standfirst: text.standfirst, body: rendered.body, bodyHtml: rendered.html, bodyText: rendered.text,
        place: text.place.name, source: text.agency.name, authors: JSON.stringify([{ name: text.author }]),
        section: text.section, sectionSlug: slugify(text.section), tags: JSON.stringify(tags), at, commentCount: planned.length,
      }).lastInsertRowid,
    );
    for (const tagSlug of new Set(tags.map((tag) => slugify(tag)))) st.tag.run(tagSlug, seq, at);
    const names = text.cast.map((i) => vocabulary.entities[i]?.name as string);
    mentionFigures(text, rendered.text, names).forEach((figures, i) => {
      st.mention.run(seq, entitySeqs[text.cast[i] as number], figures.count, figures.first, figures.salience, at);
    });
    st.change.run(id, slug, at);
    for (const comment of planned) {
      st.comment.run({
        id: uuidv7At(comment.at, random), articleSeq: seq, readerSeq: readerSeqs[comment.reader], body: comment.body,
        bodyHtml: renderCommentHtml(comment.body), bodyKey: bodyKey(comment.body), at: comment.at,
      });
    }
    return slug;
  }

  for (const item of plan.articles()) {
    batch.push(item);
    if (batch.length === BATCH) {
      flush(batch);
      done += batch.length;
      batch = [];
      options.onProgress?.(done);
    }
  }
  flush(batch);
  done += batch.length;
  options.onProgress?.(done);

  // Derived counters, as the services keep them write by write.
  sqlite.transaction(() => {
    sqlite.exec(`update entities set article_count = (select count(*) from mentions m
                   where m.entity_seq = entities.seq and m.linked = 1 and m.status = 'published')`);
    sqlite.exec(`update readers set approved_count = (select count(*) from comments c where c.reader_seq = readers.seq and c.status = 'approved')`);
    // Every logged change and every approved-comment count change moved the version once; the
    // editorial version moved with the logged changes only.
    sqlite.exec(`update content_version set version = (select count(*) from changes) + (select count(*) from comments where status = 'approved'),
                   modified_at = max((select max(at) from changes), coalesce((select max(created_at) from comments), 0)),
                   editorial_version = (select count(*) from changes), editorial_modified_at = (select max(at) from changes) where id = 1`);
  })();
  const top = sqlite.prepare('select slug from entities order by article_count desc, seq desc limit 1').get() as { slug: string };
  return { articles: done, entities: entitySeqs.length, comments, readerTokens, articleSlug: lastSlug, entitySlug: top.slug, vocabulary };
}

function statements(sqlite: Database.Database) {
  return {
    entity: sqlite.prepare(`insert into entities (id, slug, name, name_key, type, description, wikidata_qid, article_count, created_at, updated_at)
                            values (?, ?, ?, ?, ?, null, null, 0, ?, ?)`),
    alias: sqlite.prepare('insert into entity_aliases (entity_seq, alias, alias_key) values (?, ?, ?)'),
    catalog: sqlite.prepare('insert into entity_catalog_version (id, version) values (1, ?)'),
    reader: sqlite.prepare(`insert into readers (id, display_name, email, token_hash, status, approved_count, created_at)
                            values (?, ?, ?, ?, 'active', 0, ?)`),
    article: sqlite.prepare(`insert into articles (id, slug, title, standfirst, body, body_html, body_text, dateline_place, dateline_source,
                               authors, section, section_slug, tags, language, canonical_url, status, published_at, first_published_at,
                               created_at, updated_at, revision, comments_mode, comment_count)
                             values (@id, @slug, @title, @standfirst, @body, @bodyHtml, @bodyText, @place, @source, @authors, @section,
                               @sectionSlug, @tags, 'en', null, 'published', @at, @at, @at, @at, 1, 'open', @commentCount)`),
    tag: sqlite.prepare(`insert into article_tags (tag_slug, article_seq, status, sort_at) values (?, ?, 'published', ?)`),
    mention: sqlite.prepare(`insert into mentions (article_seq, entity_seq, mention_count, first_offset, salience, origin, linked, status, sort_at)
                             values (?, ?, ?, ?, ?, 'auto', 1, 'published', ?)`),
    change: sqlite.prepare(`insert into changes (resource, resource_id, slug, kind, revision, is_public, at) values ('article', ?, ?, 'create', 1, 1, ?)`),
    comment: sqlite.prepare(`insert into comments (id, article_seq, reader_seq, parent_seq, root_seq, depth, body, body_html, body_key, status,
                               verdicts, flag_count, created_at, status_at)
                             values (@id, @articleSeq, @readerSeq, null, null, 0, @body, @bodyHtml, @bodyKey, 'approved', '[]', 0, @at, @at)`),
  };
}
