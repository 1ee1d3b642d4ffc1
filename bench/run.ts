// npm run bench [-- --quick] [--articles N] [--seed S] [--connections C] [--duration s] [--corpus file] [--out dir]
// Generates a corpus, starts Dateline (the real server process) and the baseline on loopback,
// loads both per endpoint, alternating, and prints the table (also written as JSON).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/context.js';
import { captureResponses, send } from './capture.js';
import { type CorpusInfo, writeCorpus } from './corpus.js';
import { buildVocabulary } from './corpus-text.js';
import { measure, type Measurement, type RunOptions } from './drive.js';
import { endpoints as benchEndpoints } from './endpoints.js';
import { timeExtraction } from './extraction.js';
import { ROOT, type ServerProcess, startServer } from './processes.js';
import { type BenchResult, growthAgainst, judge, renderTable, RSS_TARGET_MB } from './report.js';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const GROWTH_BASE = 10_000;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
  },
});
const articles = Number(args.articles);
const seed = Number(args.seed);
const run: RunOptions = {
  connections: Number(args.connections),
  duration: Number(args.duration ?? (args.quick ? 3 : 10)),
  warmup: Number(args.warmup ?? (args.quick ? 1 : 3)),
};
if (!Number.isSafeInteger(articles) || articles < 1 || !Number.isSafeInteger(seed) || !(run.duration > 0) || !(run.connections >= 1)) {
  process.stderr.write('usage: npm run bench -- [--quick] [--articles N] [--seed S] [--connections C] [--duration s] [--warmup s] [--corpus file] [--out dir]\n');
  process.exit(2);
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const work = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
const servers: ServerProcess[] = [];
const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);

/** A corpus file given with --corpus is reused as it is when it exists (writes of earlier runs included). */
function corpus(): { path: string; info: Omit<CorpusInfo, 'vocabulary'>; seconds: number | null } {
  const path = args.corpus ? resolve(args.corpus) : join(work, 'corpus.db');
  const infoPath = `${path}.json`;
  if (existsSync(path) && existsSync(infoPath)) {
    say(`reusing the corpus at ${path}`);
    return { path, info: JSON.parse(readFileSync(infoPath, 'utf8')), seconds: null };
  }
  say(`generating ${articles} articles (seed ${seed})…`);
  const bar = progressBar({ stdout: process.stdout, stderr: process.stderr, env: process.env }, 'corpus');
  bar.start(articles, 0);
  const started = Date.now();
  const { vocabulary: _vocabulary, ...info } = writeCorpus(path, { articles, seed, onProgress: (done) => bar.update(done) });
  bar.stop();
  writeFileSync(infoPath, JSON.stringify(info));
  return { path, info, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

try {
  const { path, info, seconds } = corpus();
  say(`corpus: ${info.articles} articles, ${info.entities} entities, ${info.comments} comments${seconds === null ? '' : ` in ${seconds} s`}`);
  const dateline = await startServer({
    name: 'Dateline',
    script: 'src/server.ts',
    logFile: join(work, 'dateline.log'),
    readyPath: '/health/ready',
    env: {
      ...process.env,
      DATABASE_PATH: path,
      LOG_LEVEL: 'info',
      DATELINE_ADMIN_KEY: ADMIN_KEY,
      PUBLIC_BASE_URL: 'https://news.example',
      // Budgets far above what the bench sends: it measures the work, not the refusals.
      RATE_LIMIT_MAX: '1000000000',
      COMMENTS_PER_MINUTE: '1000',
    },
  });
  servers.push(dateline);
  const vocabulary = buildVocabulary(seed);
  const endpoints = benchEndpoints({ ...info, vocabulary, adminKey: ADMIN_KEY, seed });
  // Writes first: they move the content version, which the conditional GET's ETag names.
  const captured = await captureResponses(dateline.url, endpoints.filter((e) => e.write));
  const listEtag = (await send(dateline.url, { method: 'GET', path: '/v1/articles', headers: {} })).headers.get('etag') ?? '';
  for (const endpoint of endpoints) if ('if-none-match' in endpoint.request.headers) endpoint.request.headers['if-none-match'] = listEtag;
  captured.push(...(await captureResponses(dateline.url, endpoints.filter((e) => !e.write))));
  const responsesFile = join(work, 'responses.json');
  writeFileSync(responsesFile, JSON.stringify(captured));
  const baseline = await startServer({
    name: 'baseline',
    script: 'bench/baseline.ts',
    logFile: join(work, 'baseline.log'),
    readyPath: '/health/ready',
    env: { ...process.env, BASELINE_RESPONSES: responsesFile },
  });
  servers.push(baseline);

  const measured: { baseline: Measurement; dateline: Measurement }[] = [];
  for (const endpoint of endpoints) {
    const counter = { n: 0 };
    const base = await measure(baseline, endpoint, run, counter);
    const ours = await measure(dateline, endpoint, run, counter);
    measured.push({ baseline: base, dateline: ours });
    say(`${endpoint.name}: baseline ${base.rps}/s, Dateline ${ours.rps}/s (p99 ${ours.p99} ms)`);
  }
  const commentEndpoint = endpoints.find((e) => e.name.startsWith('post a comment'));
  if (!commentEndpoint) throw new Error('no comment endpoint');
  const serial = await measure(dateline, commentEndpoint, { ...run, connections: 1 }, { n: 1_000_000 });
  for (const server of servers.splice(0)) await server.stop();

  say('timing extraction…');
  const extraction = timeExtraction(vocabulary, args.quick ? 50 : 200, seed);
  const results = judge(endpoints, measured);
  const maxRssMb = Math.max(...results.map((r) => r.dateline.rssMb), serial.rssMb);
  const dbBytes = [path, `${path}-wal`].filter(existsSync).reduce((sum, file) => sum + statSync(file).size, 0);
  const partial = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadBefore,
      loadAfter: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    corpus: { articles: info.articles, entities: info.entities, comments: info.comments, seed, databaseMb: Math.round(dbBytes / 2 ** 20), generatedSeconds: seconds },
    settings: run,
    endpoints: results,
    commentServerTime: { p50: serial.p50, p99: serial.p99, rps: serial.rps },
    extraction,
    memory: { maxRssMb, targetMb: RSS_TARGET_MB, pass: maxRssMb <= RSS_TARGET_MB },
  };
  mkdirSync(args.out, { recursive: true });
  const baseFile = join(args.out, `articles-${GROWTH_BASE}.json`);
  const earlier = existsSync(baseFile) ? (JSON.parse(readFileSync(baseFile, 'utf8')) as BenchResult) : undefined;
  const result: BenchResult = { ...partial, growth: growthAgainst(earlier, partial) };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(args.out, 'latest.json'), json);
  writeFileSync(join(args.out, `articles-${info.articles}.json`), json);
  process.stdout.write(renderTable(result));
  say(`written: ${join(args.out, 'latest.json')}`);
} finally {
  for (const server of servers) await server.stop();
  rmSync(work, { recursive: true, force: true });
}
