import t from 'tap';
import type { Measurement } from '../../bench/drive.js';
import { type BenchResult, growthAgainst, renderTable } from '../../bench/report.js';

const measurement = (p50: number): Measurement => ({ rps: 1000, p50, p99: p50 * 3, requests: 1000, unexpected: 0, errors: 0, rssMb: 100 });

/** A run on `articles` whose endpoints had these medians: [name, baseline p50, Dateline p50]. */
function run(articles: number, medians: [string, number, number][]): BenchResult {
  return {
    corpus: { articles, entities: 10_005, comments: 0, seed: 1, databaseMb: 1, generatedSeconds: null },
    endpoints: medians.map(([name, base, ours]) => ({ name, expect: 200, baseline: measurement(base), dateline: measurement(ours), ratio: 1, target: '—', pass: null })),
  } as unknown as BenchResult;
}

t.test('growth is judged over the baseline, which moved with the machine alone', async (t) => {
  const small = run(10_000, [
    ['list (20 summaries)', 0.5, 1.0],
    ['article by slug', 0.5, 1.0],
    ['entity articles', 0.5, 1.0],
    ['JSON Feed', 0.92, 1.27],
  ]);
  const large = run(1_000_000, [
    // The machine slowed by half: both grew alike.
    ['list (20 summaries)', 0.75, 1.5],
    // The corpus slowed Dateline alone.
    ['article by slug', 0.5, 1.6],
    // The machine sped up and hid Dateline's growth: raw 1.2×, 2.4× over the baseline.
    ['entity articles', 0.25, 1.2],
    ['JSON Feed', 1.37, 2.03],
  ]);
  const growth = growthAgainst(small, large);
  t.match(growth, { from: 10_000, to: 1_000_000 });
  t.same(
    growth?.endpoints.map((g) => [g.name, g.growth, g.baselineGrowth, g.relative, g.pass]),
    [
      ['list (20 summaries)', 1.5, 1.5, 1, true],
      ['article by slug', 1.6, 1, 1.6, false],
      ['entity articles', 1.2, 0.5, 2.4, false],
      ['JSON Feed', 1.6, 1.49, 1.07, true],
    ],
  );
  const table = renderTable({
    ...large,
    date: '2026-12-08T00:00:00.000Z',
    command: 'npm run bench',
    machine: { cpus: 2, model: 'test', memoryGb: 24, node: 'v20', server: 'node dist/server.js', loadBefore: [0, 0, 0], loadAfter: [0, 0, 0] },
    settings: { connections: 10, duration: 10, warmup: 3, writeWarmup: 10, slice: 2 },
    commentServerTime: { p50: 1, p99: 2, rps: 1000 },
    extraction: { knownEntities: 1, words: 800, articles: 1, p50: 1, p99: 2 },
    memory: { maxRssMb: 200, targetMb: 250, pass: true },
    growth,
  } as BenchResult);
  t.match(table, "growth of p50 from 10000 to 1000000 articles, over the baseline's in the same two runs (target ≤ 1.5×):");
  t.match(table, 'JSON Feed                        1.27 → 2.03 ms: 1.6×; baseline 0.92 → 1.37 ms: 1.49×; over it 1.07× ok');
  t.match(table, 'article by slug                  1 → 1.6 ms: 1.6×; baseline 0.5 → 0.5 ms: 1×; over it 1.6× MISS');
});

t.test('no growth without a run on a smaller corpus', async (t) => {
  const small = run(10_000, [['list (20 summaries)', 0.5, 1]]);
  t.equal(growthAgainst(undefined, small), null);
  t.equal(growthAgainst(small, run(10_000, [['list (20 summaries)', 0.5, 1]])), null, 'the same size is no growth');
});
