import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { childEnv } from '../helper.js';
import { cliWorkspace } from './cli-helper.js';

// The last test starts the real executable twice; on a busy machine that can outlast tap's default.
t.setTimeout(120_000);

const SHIPPED = (JSON.parse(readFileSync(new URL('../../migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.length;

t.test('migrate creates and migrates the database; running it again changes nothing', async (t) => {
  const cli = cliWorkspace(t);
  const first = await cli.run(['migrate']);
  t.equal(first.code, 0);
  t.match(first.stdout, `applied ${SHIPPED} migration(s); ${SHIPPED} applied in all, none pending`);
  const again = await cli.run(['migrate']);
  t.match(again.stdout, /applied 0 migration\(s\)/);
});

t.test('commands other than migrate refuse a missing or unmigrated database', async (t) => {
  const cli = cliWorkspace(t);
  const missing = await cli.run(['stats']);
  t.equal(missing.code, 1);
  t.match(missing.stderr, /no database at .*dateline\.db \(set DATABASE_PATH, or create one with "dateline migrate"\)/);

  await cli.run(['migrate']);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(cli.databasePath);
  db.exec('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
  db.close();
  const behind = await cli.run(['keys', 'list']);
  t.equal(behind.code, 1);
  t.match(behind.stderr, /lacks 1 migration\(s\) of this version: run "dateline migrate" first/);
  t.equal((await cli.run(['stats'])).code, 0, 'stats still reports on it');
});

t.test('keys: create prints the secret once on stdout; list and revoke', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const created = await cli.run(['keys', 'create', '--role', 'editor', '--name', 'desk']);
  t.equal(created.code, 0);
  t.match(created.stdout, /^dlk_[\w-]{43}\n$/, 'stdout is the secret alone, for KEY=$(dateline keys create …)');
  const id = /id ([0-9a-f-]{36})/.exec(created.stderr)?.[1] as string;
  t.ok(id, 'stderr names the key');

  const json = await cli.run(['keys', 'create', '--role', 'syndication', '--name', 'partner', '--json']);
  t.match(JSON.parse(json.stdout), { name: 'partner', role: 'syndication', secret: /^dlk_/ });

  const list = await cli.run(['keys', 'list']);
  t.match(list.stdout, new RegExp(`${id}  editor +desk  \\(created [^,]+, last used never\\)`));
  t.notMatch(list.stdout, /dlk_/, 'secrets are never listed');

  const revoked = await cli.run(['keys', 'revoke', id]);
  t.equal(revoked.code, 0);
  t.match(revoked.stdout, /revoked editor key "desk"/);
  t.notMatch((await cli.run(['keys', 'list'])).stdout, /desk/, 'revoked keys are hidden…');
  const all = JSON.parse((await cli.run(['keys', 'list', '--all', '--json'])).stdout) as { name: string; revoked_at: string | null }[];
  t.ok(all.find((key) => key.name === 'desk')?.revoked_at, '…unless asked for');

  const unknown = await cli.run(['keys', 'revoke', 'no-such-key']);
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /API key no-such-key does not exist/);
});

t.test('bad arguments: a clear message and exit code 2', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  const cases: [string[], RegExp][] = [
    [[], /Usage: dateline/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['keys', 'create', '--name', 'desk'], /required option '--role <role>' not specified/],
    [['keys', 'create', '--role', 'boss', '--name', 'desk'], /--role: Invalid option: expected one of "admin"\|"editor"\|"moderator"\|"syndication"/],
    [['keys', 'create', '--role', 'editor', '--name', ' '], /--name: Too small/],
    [['import'], /missing required argument 'paths'/],
    [['import', 'no/such/dir'], /no\/such\/dir: no such file or directory/],
    [['backup'], /missing required argument 'file'/],
    [['stats', '--verbose'], /unknown option '--verbose'/],
  ];
  for (const [args, message] of cases) {
    const result = await cli.run(args);
    t.equal(result.code, 2, `dateline ${args.join(' ')} exits 2`);
    t.match(result.stderr, message, `dateline ${args.join(' ')} says why`);
  }
});

t.test('help and version exit 0; a bad environment exits 78 naming the variable', async (t) => {
  const cli = cliWorkspace(t);
  const help = await cli.run(['--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /migrate[\s\S]*keys[\s\S]*import[\s\S]*backup[\s\S]*stats/);
  t.match((await cli.run(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
  const bad = await cli.run(['stats'], { env: { DATABASE_PATH: '', LOG_LEVEL: 'chatty' } });
  t.equal(bad.code, 78);
  t.match(bad.stderr, /LOG_LEVEL/);
});

t.test('stats: sizes, migrations and counts, as text or JSON', async (t) => {
  const cli = cliWorkspace(t);
  await cli.run(['migrate']);
  await cli.run(['keys', 'create', '--role', 'editor', '--name', 'desk']);
  const text = await cli.run(['stats']);
  t.match(text.stdout, /database +.*dateline\.db: \d+\.\d MB \(\+ \d+\.\d MB write-ahead log\)/);
  t.match(text.stdout, new RegExp(`migrations +${SHIPPED} applied, 0 pending`));
  t.match(text.stdout, /articles +draft 0, scheduled 0, published 0, archived 0/);
  t.match(text.stdout, /api_keys +admin 0, editor 1, moderator 0, syndication 0/);
  const json = JSON.parse((await cli.run(['stats', '--json'])).stdout);
  t.match(json, { migrations: { applied: SHIPPED, pending: 0 }, counts: { articles: { published: 0 }, api_keys: { editor: 1 }, entities: 0 } });
  t.match(json.counts.comments, { pending: 0, approved: 0 }, 'every comment status is reported, even at zero');
});

t.test('the dateline executable runs the same program (npm run cli)', async (t) => {
  const cli = cliWorkspace(t);
  const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { env: childEnv(cli.env), encoding: 'utf8' });
  const migrated = run(['migrate']);
  t.equal(migrated.status, 0);
  t.match(migrated.stdout, `applied ${SHIPPED} migration`);
  const bad = run(['keys', 'create', '--role', 'editor']);
  t.equal(bad.status, 2);
  t.match(bad.stderr, /required option '--name <name>'/);
});
