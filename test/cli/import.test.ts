import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { articleInput } from '../factories.js';
import { cliWorkspace, type CliWorkspace } from './cli-helper.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

function articles(cli: CliWorkspace) {
  const db = new Database(cli.databasePath, { readonly: true });
  try {
    return db.prepare('select slug, title, status, published_at, dateline_place, dateline_source, canonical_url, section, authors from articles order by seq').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

t.test('imports wire copy and sample news items; a second run skips everything', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const first = await cli.run(['import', join(FIXTURES, 'articles'), join(FIXTURES, 'csto-summit.txt')]);
  t.equal(first.code, 0);
  t.equal(first.stdout, 'created 4, skipped 1 (already there), failed 0\n', 'the .txt is the same story as the first JSON sample');
  t.equal(first.stderr, '', 'no progress output when stderr is not a terminal');

  const stored = articles(cli);
  t.equal(stored.length, 4);
  t.match(stored[0], { title: 'CSTO Summit Adopts Resolutions for Closer Cooperation', status: 'draft', dateline_place: 'Moscow', dateline_source: 'ITAR-TASS' });
  t.match(stored[1], { title: "Shell's new boss reassures market", canonical_url: 'http://shellnews.net/2004%20Documents/bbc/BBCboss.htm', published_at: null });

  const again = await cli.run(['import', join(FIXTURES, 'articles'), join(FIXTURES, 'csto-summit.txt')]);
  t.equal(again.code, 0);
  t.equal(again.stdout, 'created 0, skipped 5 (already there), failed 0\n');
  t.equal(articles(cli).length, 4, 'nothing was duplicated');
});

t.test('--publish keeps the original publication date; --section fills in the section', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const result = await cli.run(['import', '--publish', '--section', 'Business', join(FIXTURES, 'articles/01-bbc-shell-new-boss.json')]);
  t.equal(result.code, 0);
  t.match(articles(cli)[0], { status: 'published', published_at: Date.parse('2004-03-05T00:00:00Z'), section: 'Business' });
});

t.test('JSON in the API create-article shape, one object or an array; failures are named and counted', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const dir = join(cli.dir, 'incoming');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'one.json'), JSON.stringify(articleInput({ slug: 'hand-picked-slug', status: 'published' })));
  writeFileSync(join(dir, 'nested', 'batch.json'), JSON.stringify([articleInput(), { ...articleInput(), title: '' }, { ...articleInput(), colour: 'red' }]));
  writeFileSync(join(dir, 'broken.json'), '{"title": ');
  writeFileSync(join(dir, 'notes.md'), 'ignored: directories are searched for .txt and .json only');
  copyFileSync(join(FIXTURES, 'csto-summit.txt'), join(dir, 'wire.txt'));
  writeFileSync(join(dir, 'not-a-story.txt'), '\n\n');

  const result = await cli.run(['import', dir]);
  t.equal(result.code, 1, 'a failure makes the exit code non-zero');
  t.equal(result.stdout, 'created 3, skipped 0 (already there), failed 4\n');
  const failures = result.stderr.trim().split('\n');
  t.equal(failures.length, 4);
  t.match(result.stderr, /failed: .*broken\.json: not valid JSON/);
  t.match(result.stderr, /failed: .*batch\.json\[1\]: title: Too small/);
  t.match(result.stderr, /failed: .*batch\.json\[2\]: \(root\): Unrecognized key: "colour"/);
  t.match(result.stderr, /failed: .*not-a-story\.txt: /);
  t.equal(articles(cli).find((a) => a.slug === 'hand-picked-slug')?.status, 'published', 'the object says how it is published');

  const named = await cli.run(['import', join(dir, 'notes.md')]);
  t.equal(named.code, 1);
  t.match(named.stderr, /notes\.md: not a \.txt \(wire copy\) or \.json file/);

  const empty = join(cli.dir, 'empty');
  mkdirSync(empty);
  const nothing = await cli.run(['import', empty]);
  t.equal(nothing.code, 2);
  t.match(nothing.stderr, /no \.txt or \.json files to import/);
});

t.test('on a terminal, a progress bar is drawn on stderr', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const result = await cli.run(['import', join(FIXTURES, 'articles')], { tty: true });
  t.equal(result.code, 0);
  t.match(result.stderr, /importing \[[█░]+\] 100% \| 4\/4/);
  t.equal(result.stdout, 'created 4, skipped 0 (already there), failed 0\n', 'stdout keeps only the summary');
});
