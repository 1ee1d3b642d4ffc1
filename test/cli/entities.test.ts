import t from 'tap';
import { createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { CreateArticleBody } from '../../src/modules/articles/articles.schemas.js';
import { cliWorkspace } from './cli-helper.js';

const story = (title: string, body: string) =>
  CreateArticleBody.parse({ title, body, standfirst: null, dateline: null, status: 'published' });

async function workspaceWithArticles(t: Parameters<typeof cliWorkspace>[0], count: number) {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const database = openDatabase(cli.databasePath);
  t.teardown(() => database.close());
  const services = createServices(database, loadConfig(cli.env));
  const created = [];
  for (let i = 0; i < count; i++) created.push(services.articles.create(story(`Report ${i}`, `Officials met at the Zvartnots terminal, day ${i}.`), null));
  return { cli, database, services, created };
}

const linkedNames = (services: ReturnType<typeof createServices>, seq: number) =>
  (services.presentEntities([seq]).get(seq) ?? []).map((entity) => entity.name);

t.test('reextract links an entity created after the articles, and keeps editors’ removals', async (t) => {
  const { cli, services, created } = await workspaceWithArticles(t, 3);
  const terminal = services.entities.create({ name: 'Zvartnots terminal', type: 'place', aliases: [], description: null, wikidata_qid: null });
  t.notOk(linkedNames(services, created[0]!.seq).includes('Zvartnots terminal'), 'not linked until re-extraction');
  services.entityLinks.setLink(created[2]!, terminal.id, false);

  const run = await cli.run(['entities', 'reextract']);
  t.equal(run.code, 0, run.stderr);
  t.match(run.stdout, /re-extracted 3 article\(s\): entities \d+ → \d+, links \d+ → \d+/);
  t.ok(linkedNames(services, created[0]!.seq).includes('Zvartnots terminal'));
  t.ok(linkedNames(services, created[1]!.seq).includes('Zvartnots terminal'));
  t.notOk(linkedNames(services, created[2]!.seq).includes('Zvartnots terminal'), 'the editor removed it: it stays removed');
  t.equal(services.entities.get(terminal.id).row.articleCount, 2);
});

t.test('an interrupted run resumes after the last article it finished', async (t) => {
  const { cli, services } = await workspaceWithArticles(t, 5);
  await t.rejects(
    services.reextraction.run({
      onProgress: (done) => {
        if (done === 2) throw new Error('interrupted');
      },
    }),
    /interrupted/,
  );
  const resumed = await cli.run(['entities', 'reextract']);
  t.equal(resumed.code, 0);
  t.match(resumed.stdout, /re-extracted 3 article\(s\) \(resumed after article #2\)/);
  const again = await cli.run(['entities', 'reextract']);
  t.match(again.stdout, /re-extracted 5 article\(s\):/, 'a finished job starts over next time');
  const since = await cli.run(['entities', 'reextract', '--since', '2999-01-01']);
  t.match(since.stdout, /re-extracted 0 article\(s\)/, '--since selects by last update');
});

t.test('bad arguments are refused with exit code 2', async (t) => {
  const { cli } = await workspaceWithArticles(t, 0);
  const garbage = await cli.run(['entities', 'reextract', '--since', 'yesterday-ish']);
  t.equal(garbage.code, 2);
  t.match(garbage.stderr, /--since: "yesterday-ish" is not a date/);
  t.equal((await cli.run(['entities', 'reextract', '--all', '--since', '2026-01-01'])).code, 2);
  t.equal((await cli.run(['entities', 'nonsense'])).code, 2);
});
