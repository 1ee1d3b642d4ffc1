import t from 'tap';
import { buildRevision, parseVariant, renderComparison, runComparison } from '../../bench/compare.js';
import { childEnv } from '../helper.js';

t.test('a variant is label=revision with settings of its own', async (t) => {
  t.same(parseVariant('quiet=HEAD~2,LOG_LEVEL=warn,RATE_LIMIT_MAX=5'), { label: 'quiet', revision: 'HEAD~2', env: { LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '5' } });
  t.same(parseVariant('now=src'), { label: 'now', revision: 'src', env: {} });
  t.same(parseVariant('x=a1b2,PUBLIC_BASE_URL=https://a.example/?q=1'), { label: 'x', revision: 'a1b2', env: { PUBLIC_BASE_URL: 'https://a.example/?q=1' } });
  for (const bad of ['HEAD', '=HEAD', 'a b=HEAD', 'a=', 'a=HEAD,lower=1', 'a=HEAD,NOVALUE']) t.throws(() => parseVariant(bad), `refused: ${bad}`);
});

t.test('a revision that is not one is refused before anything starts', async (t) => {
  t.throws(() => buildRevision('no-such-revision-anywhere'), /not a git revision: no-such-revision-anywhere/);
  t.equal(buildRevision('src'), 'src/server.ts', 'src runs the working tree');
});

// Server processes start here (one compiled from HEAD: ~20 s on a loaded machine).
t.setTimeout(240_000);
const tiny = { articles: 30, seed: 3, entities: 200, run: { connections: 2, duration: 0.4, warmup: 0, writeWarmup: 0, slice: 0.2 }, env: childEnv() };

t.test('npm run bench:compare machinery: a built revision and the working tree, side by side with a control', async (t) => {
  const rows = await runComparison({
    ...tiny,
    variants: [parseVariant('head=HEAD'), parseVariant('quiet=src,LOG_LEVEL=warn')],
    only: ['article by slug', 'conditional'],
    say: (line) => t.comment(line),
  });
  t.same(
    rows.map((row) => row.endpoint),
    ['article by slug', 'list, conditional GET (304)'],
  );
  for (const row of rows) {
    t.same(
      row.servers.map((s) => s.label),
      ['head', 'quiet', 'head·again'],
      'each variant, then the control',
    );
    t.ok(row.baselineRps > 0, `${row.endpoint}: the baseline was loaded`);
    for (const s of row.servers) t.ok(s.rps > 0 && s.ratio > 0 && s.p50 > 0, `${row.endpoint}: ${s.label} has figures`);
    t.ok(row.controlSpread >= 0 && Number.isFinite(row.controlSpread), 'the control spread is a figure');
  }
  const table = renderComparison(rows);
  t.match(table, /^endpoint\s+baseline\s+head\s+quiet\s+head·again\s+control spread$/m);
  t.match(table, /^article by slug\s+\d+\s+\d+ \d\.\d\d\s+\d+ \d\.\d\d\s+\d+ \d\.\d\d\s+\d+ %$/m);
});

t.test("a variant's settings reach its server: one with a budget of 2 requests is caught answering otherwise", async (t) => {
  await t.rejects(
    runComparison({ ...tiny, variants: [parseVariant('open=src'), parseVariant('limited=src,RATE_LIMIT_MAX=2')], only: ['article by slug'] }),
    /article by slug: limited gave \d+ answers other than 200/,
  );
});

t.test('labels must tell the variants apart', async (t) => {
  await t.rejects(runComparison({ ...tiny, variants: [parseVariant('a=src'), parseVariant('a=HEAD')], only: [] }), /variant labels must differ/);
});
