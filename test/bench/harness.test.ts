import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { runBench } from '../../bench/harness.js';
import { renderTable } from '../../bench/report.js';
import { childEnv } from '../helper.js';

// The harness end to end, as cheaply as it runs: a tiny corpus and a fraction of a second of
// load per server and endpoint. It proves the machinery and the report, never a speed.
// Two server processes start here; on a loaded machine that alone can take tap's default 30 s.
t.setTimeout(120_000);
t.test('npm run bench machinery: both servers answer every endpoint as expected, and the report says so', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'dateline-bench-smoke-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const result = await runBench({
    articles: 30,
    seed: 3,
    entities: 200,
    run: { connections: 2, duration: 0.4, warmup: 0, writeWarmup: 0.2, slice: 0.2 },
    extractionSamples: 3,
    out,
    command: 'smoke',
    // Compiling src/ would add ~20 s; the Docker proof runs the built server.
    server: 'source',
    env: childEnv(),
    say: (line) => t.comment(`${new Date().toISOString().slice(11, 19)} ${line}`),
  });

  t.same(
    result.endpoints.map((e) => [e.name, e.expect]),
    [
      ['list (20 summaries)', 200],
      ['article by slug', 200],
      ['article ?include=entities', 200],
      ['search, common term "ceasefire"', 200],
      ['search, rare term "stalemate"', 200],
      ['entity articles', 200],
      ['JSON Feed', 200],
      ['list, conditional GET (304)', 304],
      ['JSON Feed, partner key, 304', 304],
      ['post a comment (policy)', 201],
      ['import wire copy (extraction)', 201],
    ],
  );
  for (const e of result.endpoints) {
    for (const [server, m] of [['baseline', e.baseline], ['Dateline', e.dateline]] as const) {
      t.ok(m.requests > 0, `${e.name}: ${server} was loaded`);
      t.equal(m.unexpected, 0, `${e.name}: every ${server} answer was ${e.expect}`);
      t.ok(m.rps > 0 && m.p99 >= m.p50 && m.p50 >= 0, `${e.name}: ${server} figures are figures`);
    }
  }
  // Medians of loopback reads are fractions of a millisecond: measured per response, not rounded
  // to whole milliseconds (which would make the growth target a coin toss between 1 and 2 ms).
  const medians = result.endpoints.flatMap((e) => [e.baseline.p50, e.dateline.p50]);
  t.ok(medians.some((p50) => !Number.isInteger(p50)), 'latencies have sub-millisecond resolution');
  for (const e of result.endpoints) {
    t.ok(Number.isFinite(e.ratio) && e.ratio > 0, `${e.name}: a ratio`);
    t.ok(e.pass === null || typeof e.pass === 'boolean', `${e.name}: a verdict or none`);
  }
  t.match(result, {
    corpus: { articles: 30, entities: 205, seed: 3 },
    settings: { connections: 2, duration: 0.4, warmup: 0, writeWarmup: 0.2 },
    commentServerTime: { p50: Number, p99: Number, rps: Number },
    extraction: { knownEntities: 205, articles: 3 },
    memory: { maxRssMb: Number, targetMb: 250, pass: Boolean },
    growth: null,
  });
  t.ok(result.memory.maxRssMb > 0, 'the server RSS was read');
  t.match(result.machine.server, /^node --max-old-space-size=\d+ --import tsx src\/server\.ts \(source\)$/, "Dateline ran with the image's node options, and the report says how");
  t.same(JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')), result, 'latest.json is the result');
  const table = renderTable(result);
  for (const e of result.endpoints) t.match(table, e.name);
  t.match(table, '0 s warm-up (0.2 s for writes) + 0.4 s per server and endpoint, baseline and Dateline taking turns of 0.2 s');
});
