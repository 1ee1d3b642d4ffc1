import t from 'tap';
import { hashSecret } from '../../src/lib/secrets.js';
import { buildTestApp } from '../helper.js';
import { ACCESS, fixtures, type Access } from './access-table.js';
import { operations } from './contract.js';
import { CREDENTIALS, seedNewsroom, type Credential } from './seed.js';

/** The status a caller must get from an operation: its success, 401 without a usable credential, 403 with the wrong one. */
function expectedStatus(access: Access, credential: Credential, ok: number): number {
  if (credential === 'revoked' || credential === 'malformed') return 401;
  if (access === 'public') return ok;
  if (credential === 'none') return 401;
  if (access === 'reader') return credential === 'reader' ? ok : 403;
  if (credential === 'admin') return ok;
  if (access === 'metrics' || credential === 'reader') return 403;
  return access.staff.includes(credential) ? ok : 403;
}

t.test('every operation answers every kind of caller with the status its access rule says', async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_PER_MINUTE: '1000', MAX_EVENT_LOOP_DELAY_MS: '0' } });
  const seeded = await seedNewsroom(ctx);
  const fx = fixtures(ctx, seeded);

  t.same(
    operations.map((op) => op.operationId).filter((id) => !ACCESS[id]),
    [],
    'every operation of the contract has a row in the matrix',
  );

  // What the public sees: every body answered to a caller without staff rights, for the leak scan below.
  const publicBodies: { label: string; body: string }[] = [];
  for (const operation of operations) {
    const row = ACCESS[operation.operationId];
    if (!row) continue;
    for (const credential of CREDENTIALS) {
      const request = await row.request(fx);
      const res = await ctx.inject({ ...request, headers: { ...request.headers, ...seeded.headers[credential] } });
      const expected = expectedStatus(row.access, credential, row.ok);
      const label = `${operation.operationId} as ${credential}`;
      t.equal(res.statusCode, expected, label, { body: res.body.slice(0, 300) });
      if (expected >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/, `${label}: problem+json`);
      if (credential === 'none' || credential === 'reader') publicBodies.push({ label, body: res.body });
    }
  }

  t.test('planted private values never reach a public response or feed', async (t) => {
    const premoderated = seeded.pools.articleIds[2];
    const crawl = [
      '/v1/articles?limit=100',
      `/v1/articles/${seeded.draft.id}`,
      `/v1/articles/${seeded.draft.slug}`,
      `/v1/articles/${seeded.draft.id}/jsonld`,
      `/v1/articles/${seeded.draft.id}/ninjs`,
      `/v1/articles/${seeded.draft.id}/comments`,
      `/v1/articles/${premoderated}/comments`,
      `/v1/comment-counts?article=${premoderated}`,
      '/v1/search?q=zqxvdraft',
      '/v1/search?q=zqxvheld',
      '/v1/search?q=embargoed',
      '/v1/changes?limit=100',
      '/feeds/articles.json',
      '/feeds/articles.rss',
      '/feeds/articles.atom',
      '/feeds/sections/world/articles.json',
      '/v1/entities?limit=100',
    ];
    for (const url of crawl) {
      for (const credential of ['none', 'reader'] as const) {
        const res = await ctx.inject({ method: 'GET', url, headers: seeded.headers[credential] });
        t.ok(res.statusCode < 500, `${url} as ${credential} answers`);
        publicBodies.push({ label: `GET ${url} as ${credential}`, body: res.body });
      }
    }
    const { planted } = seeded;
    const sqlite = ctx.database.sqlite;
    const hashes = [
      ...sqlite.prepare('select token_hash as h from readers').all(),
      ...sqlite.prepare('select secret_hash as h from api_keys').all(),
    ].map((row) => (row as { h: string }).h);
    t.ok(hashes.includes(hashSecret(planted.readerToken)), 'the planted reader token is stored as its hash');
    let scanned = 0;
    for (const { label, body } of publicBodies) {
      scanned += 1;
      for (const [name, value] of Object.entries(planted)) {
        // A reader may see their own address, on their own profile.
        if (name === 'readerEmail' && label.startsWith('getCurrentReader as reader')) continue;
        if (body.includes(value)) t.fail(`${label} reveals the planted ${name}`);
      }
      for (const hash of hashes) if (body.includes(hash)) t.fail(`${label} reveals a stored secret hash`);
    }
    t.ok(scanned > 100, `scanned ${scanned} public responses for ${Object.keys(planted).length} planted values and ${hashes.length} stored hashes`);
  });

  t.test('no secret, token, hash or reader address is ever logged', async (t) => {
    const log = JSON.stringify(ctx.logs);
    t.ok(ctx.logs.length > 500, `${ctx.logs.length} log lines captured`);
    t.ok(log.includes('"request_id"'), 'the log holds request lines');
    const secrets = Object.entries(seeded.headers)
      .map(([credential, headers]) => [credential, headers.authorization?.replace(/^Bearer /, '')] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[0] !== 'malformed');
    t.ok(secrets.length >= 6, 'every real credential is looked for');
    for (const [credential, secret] of secrets) {
      t.notOk(log.includes(secret), `the ${credential} secret is not logged`);
      t.notOk(log.includes(hashSecret(secret)), `the ${credential} secret's hash is not logged`);
    }
    const emails = ctx.database.sqlite.prepare('select email from readers').all() as { email: string }[];
    t.ok(emails.length > 10, 'readers were created through the API while the log was captured');
    t.same(
      emails.filter(({ email }) => log.includes(email)),
      [],
      'no reader e-mail address is logged',
    );
  });
});
