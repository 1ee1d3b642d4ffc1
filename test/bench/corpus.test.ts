import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { planCorpus, renderPlain, writeCorpus } from '../../bench/corpus.js';
import { createServices } from '../../src/app.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { CreateArticleBody } from '../../src/modules/articles/articles.schemas.js';
import { testClock } from '../helper.js';

const OPTIONS = { articles: 40, seed: 7, entities: 300 };

/** The same corpus written through the services: extraction, the policy and the change log run for real. */
function writeThroughServices(database: DatabaseHandle): void {
  applyMigrations(database);
  const plan = planCorpus(OPTIONS);
  const clock = testClock(plan.setupAt);
  const services = createServices(database, { comments: { perMinute: 1000, editWindowMs: 0, flagThreshold: 3, autocloseDays: null } }, clock);
  for (const entity of plan.vocabulary.entities) {
    services.entities.create({ name: entity.name, type: entity.type, aliases: [], description: null, wikidata_qid: null });
  }
  const readerIds: string[] = [];
  for (let i = 0; i < plan.readers; i++) {
    clock.set(new Date(plan.setupAt + i).toISOString());
    readerIds.push(services.readers.create({ display_name: `Reader ${i + 1}`, email: `reader${i + 1}@example.org` }).row.id);
  }
  for (const { text, at, comments } of plan.articles()) {
    clock.set(new Date(at).toISOString());
    const input = CreateArticleBody.parse({
      title: text.title,
      standfirst: text.standfirst,
      body: renderPlain(text.paragraphs).body,
      dateline: { place: text.place.name, source: text.agency.name },
      authors: [{ name: text.author }],
      section: text.section,
      tags: text.tags,
      status: 'published',
      published_at: new Date(at).toISOString(),
    });
    const article = services.articles.create(input, null);
    for (const comment of comments) {
      clock.set(new Date(comment.at).toISOString());
      services.comments.post(article.id, readerIds[comment.reader] as string, { body: comment.body });
    }
  }
}

/** Every table the corpus fills, with storage keys (seq, id, tokens) replaced by natural ones. */
function dump(database: DatabaseHandle) {
  const all = (sql: string) => database.sqlite.prepare(sql).all();
  return {
    articles: all(`select slug, title, standfirst, body, body_html, body_text, dateline_place, dateline_source, authors, section, section_slug,
                     tags, language, canonical_url, status, published_at, first_published_at, sort_at, created_at, updated_at, revision,
                     comments_mode, comment_count from articles order by slug`),
    tags: all('select t.tag_slug, a.slug, t.status, t.sort_at from article_tags t join articles a on a.seq = t.article_seq order by 1, 2'),
    mentions: all(`select a.slug as article, e.slug as entity, m.mention_count, m.first_offset, m.salience, m.origin, m.linked, m.status, m.sort_at
                   from mentions m join articles a on a.seq = m.article_seq join entities e on e.seq = m.entity_seq order by 1, 2`),
    entities: all('select slug, name, name_key, type, description, wikidata_qid, article_count, created_at, updated_at from entities order by slug'),
    aliases: all('select e.slug, x.alias, x.alias_key from entity_aliases x join entities e on e.seq = x.entity_seq order by 1, 3'),
    readers: all('select display_name, email, status, approved_count, created_at from readers order by display_name'),
    comments: all(`select a.slug, r.display_name, c.parent_seq, c.root_seq, c.depth, c.body, c.body_html, c.body_key, c.status, c.verdicts,
                     c.flag_count, c.flagged_at, c.created_at, c.edited_at, c.status_at
                   from comments c join articles a on a.seq = c.article_seq join readers r on r.seq = c.reader_seq order by c.created_at, 1, 2`),
    changes: all('select resource, slug, kind, target_id, revision, is_public, at, actor, dedupe_key from changes order by seq'),
    version: all('select version, editorial_version from content_version'),
    catalog: all('select count(*) as n from entity_catalog_version'),
    empty: all(`select (select count(*) from scheduled_go_lives) + (select count(*) from moderation_log) + (select count(*) from entity_redirects)
                  + (select count(*) from article_revisions) + (select count(*) from comment_revisions) as n`),
    search: all(`select a.slug from articles_fts f join articles a on a.seq = f.rowid where articles_fts match 'ceasefire' order by a.slug`),
  };
}

t.test('the bulk corpus has the rows the services write for the same articles, readers and comments', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-corpus-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const info = writeCorpus(join(dir, 'bulk.db'), OPTIONS);
  const services = openDatabase(join(dir, 'services.db'));
  writeThroughServices(services);
  const bulk = openDatabase(join(dir, 'bulk.db'));
  t.teardown(() => {
    services.close();
    bulk.close();
  });

  const expected = dump(services);
  const actual = dump(bulk);
  t.ok(expected.mentions.length > OPTIONS.articles * 3, 'extraction linked the entities each article names');
  t.ok(expected.comments.length > 0 && expected.comments.every((c) => (c as { status: string }).status === 'approved'), 'the policy approved every comment');
  for (const table of Object.keys(expected) as (keyof typeof expected)[]) t.same(actual[table], expected[table], table);
  t.equal(info.articles, OPTIONS.articles);
  t.equal(info.comments, expected.comments.length);
  t.equal(info.readerTokens.length, expected.readers.length);
});
