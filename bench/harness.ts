// One benchmark run, end to end: corpus, the two servers, the load, the verdicts. `npm run bench`
// (run.ts) drives it from the command line; the smoke test drives it with a tiny corpus.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { captureResponses, send } from './capture.js';
import { type CorpusInfo, writeCorpus } from './corpus.js';
import { buildVocabulary } from './corpus-text.js';
import { measure, rowOptions, type Measurement, type RunOptions } from './drive.js';
import { type Endpoint, endpoints as benchEndpoints } from './endpoints.js';
import { timeExtraction } from './extraction.js';
import { imageNodeOptions, ROOT, type ServerProcess, startServer } from './processes.js';
import { type BenchResult, growthAgainst, judge, RSS_TARGET_MB } from './report.js';

export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const GROWTH_BASE = 10_000;

export interface BenchOptions {
  articles: number;
  seed: number;
  /** Known entities in the corpus (the corpus default when absent). */
  entities?: number;
  run: RunOptions;
  /** Articles the pure extractor is timed on. */
  extractionSamples: number;
  /** A corpus file to reuse when it exists (writes of earlier runs included), or to create. */
  corpusPath?: string;
  /** Where latest.json and articles-N.json go. */
  out: string;
  /** The command line recorded with the result. */
  command: string;
  /**
   * `built` (the default): Dateline is compiled (`npm run build`) and runs as `node
   * dist/server.js`, as in the Docker image. `source`: it runs through tsx, like `npm start`,
   * which costs ~50–70 MB more memory; the smoke test uses it to skip the compile.
   */
  server?: 'built' | 'source';
  /** The environment the two server processes start from. */
  env?: NodeJS.ProcessEnv;
  say?: (line: string) => void;
  /** Corpus progress: articles written so far, of `articles`. */
  onProgress?: (done: number) => void;
}

export type StoredInfo = Omit<CorpusInfo, 'vocabulary'>;

/** The corpus at `corpusPath` if it is there (with its `.json`), else a new one generated into it (or into `work`). */
export function prepareCorpus(
  options: Pick<BenchOptions, 'corpusPath' | 'articles' | 'seed' | 'entities' | 'onProgress'>,
  work: string,
  say: (line: string) => void,
): { path: string; info: StoredInfo; seconds: number | null } {
  const path = options.corpusPath ?? join(work, 'corpus.db');
  const infoPath = `${path}.json`;
  if (existsSync(path) && existsSync(infoPath)) {
    say('reusing the corpus given with --corpus');
    return { path, info: JSON.parse(readFileSync(infoPath, 'utf8')) as StoredInfo, seconds: null };
  }
  say(`generating ${options.articles} articles (seed ${options.seed})…`);
  const started = Date.now();
  const { vocabulary: _vocabulary, ...info } = writeCorpus(path, {
    articles: options.articles,
    seed: options.seed,
    ...(options.entities === undefined ? {} : { entities: options.entities }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  writeFileSync(infoPath, JSON.stringify(info));
  return { path, info, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** Compiles src/ to dist/ as `npm run build` does; returns the entry point to run. */
function buildServer(say: (line: string) => void): string {
  say('building the server (npm run build)…');
  compile(ROOT);
  return 'dist/server.js';
}

/** Compiles the sources under `dir` with its tsconfig.json (into its dist/), as `npm run build` does here. */
export function compile(dir: string): void {
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`compiling ${dir} failed:\n${tsc.stdout}${tsc.stderr}`);
}

/** Starts a Dateline server process on the corpus, as the bench runs it (the image's node options, budgets far above the load). */
export function startDateline(options: {
  name: string;
  script: string;
  corpusPath: string;
  work: string;
  env: NodeJS.ProcessEnv;
  /** Settings of this server alone, over the bench's (a comparison's variant: LOG_LEVEL=warn …). */
  overrides?: Record<string, string>;
}): Promise<ServerProcess> {
  return startServer({
    name: options.name,
    script: options.script,
    nodeOptions: imageNodeOptions(),
    logFile: join(options.work, `${options.name.replace(/\W+/g, '-')}.log`),
    readyPath: '/health/ready',
    env: {
      ...options.env,
      DATABASE_PATH: options.corpusPath,
      LOG_LEVEL: 'info',
      DATELINE_ADMIN_KEY: ADMIN_KEY,
      PUBLIC_BASE_URL: 'https://news.example',
      // Budgets far above what the bench sends: it measures the work, not the refusals.
      RATE_LIMIT_MAX: '1000000000',
      RATE_LIMIT_SYNDICATION_MAX: '1000000000',
      COMMENTS_PER_MINUTE: '1000',
      ...options.overrides,
    },
  });
}

/** Makes a syndication key through the admin API, as a partner is given one; its secret. */
export async function createPartnerKey(dateline: ServerProcess): Promise<string> {
  const body = JSON.stringify({ name: 'bench partner', role: 'syndication' });
  const res = await send(dateline.url, { method: 'POST', path: '/v1/keys', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body });
  if (res.status !== 201) throw new Error(`could not make a partner key: ${res.status} ${res.body.toString()}`);
  return (JSON.parse(res.body.toString()) as { secret: string }).secret;
}

/**
 * Asks `dateline` for every endpoint's answer and starts the baseline, which replays them.
 * Writes are asked first: they move the content version, which the conditional GET's ETag names.
 */
export async function startBaseline(dateline: ServerProcess, endpoints: Endpoint[], work: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const captured = await captureResponses(dateline.url, endpoints.filter((e) => e.write));
  for (const { request } of endpoints) {
    if (!('if-none-match' in request.headers)) continue;
    const { 'if-none-match': _asked, ...headers } = request.headers;
    request.headers['if-none-match'] = (await send(dateline.url, { method: 'GET', path: request.path, headers })).headers.etag ?? '';
  }
  captured.push(...(await captureResponses(dateline.url, endpoints.filter((e) => !e.write))));
  const responsesFile = join(work, 'responses.json');
  writeFileSync(responsesFile, JSON.stringify(captured));
  return startServer({
    name: 'baseline',
    script: 'bench/baseline.ts',
    logFile: join(work, 'baseline.log'),
    readyPath: '/health/ready',
    env: { ...env, BASELINE_RESPONSES: responsesFile },
  });
}

/** Runs the whole benchmark; every server it starts is stopped before it returns or throws. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const say = options.say ?? (() => {});
  const env = options.env ?? process.env;
  const work = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const servers: ServerProcess[] = [];
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const { run } = options;
  try {
    const { path, info, seconds } = prepareCorpus(options, work, say);
    say(`corpus: ${info.articles} articles, ${info.entities} entities, ${info.comments} comments${seconds === null ? '' : ` in ${seconds} s`}`);
    const server = options.server ?? 'built';
    const dateline = await startDateline({ name: 'Dateline', script: server === 'built' ? buildServer(say) : 'src/server.ts', corpusPath: path, work, env });
    servers.push(dateline);
    // The same vocabulary the corpus was written from (a reused corpus needs the same seed).
    const vocabulary = buildVocabulary(options.seed, options.entities);
    const partnerKey = await createPartnerKey(dateline);
    const endpoints = benchEndpoints({ ...info, vocabulary, adminKey: ADMIN_KEY, partnerKey, seed: options.seed, runId: Date.now().toString(36) });
    const baseline = await startBaseline(dateline, endpoints, work, env);
    servers.push(baseline);

    const measured: { baseline: Measurement; dateline: Measurement }[] = [];
    for (const endpoint of endpoints) {
      const counter = { n: 0 };
      const options = rowOptions(endpoint, run);
      const [base, ours] = (await measure([baseline, dateline], endpoint, options, counter)) as [Measurement, Measurement];
      measured.push({ baseline: base, dateline: ours });
      say(`${endpoint.name}: baseline ${base.rps}/s, Dateline ${ours.rps}/s (p99 ${ours.p99} ms)`);
    }
    const commentEndpoint = endpoints.find((e) => e.name.startsWith('post a comment'));
    if (!commentEndpoint) throw new Error('no comment endpoint');
    const [serial] = (await measure([dateline], commentEndpoint, { ...run, connections: 1 }, { n: 1_000_000 })) as [Measurement];
    for (const server of servers.splice(0)) await server.stop();

    say('timing extraction…');
    const extraction = timeExtraction(vocabulary, options.extractionSamples, options.seed);
    const results = judge(endpoints, measured);
    const maxRssMb = Math.max(...results.map((r) => r.dateline.rssMb), serial.rssMb);
    const dbBytes = [path, `${path}-wal`].filter(existsSync).reduce((sum, file) => sum + statSync(file).size, 0);
    const partial = {
      date: new Date().toISOString(),
      command: options.command,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        server: `${dateline.command} (${server === 'built' ? 'built, as in the Docker image' : 'source'})`,
        loadBefore,
        loadAfter: loadavg().map((l) => Math.round(l * 100) / 100),
      },
      corpus: { articles: info.articles, entities: info.entities, comments: info.comments, seed: options.seed, databaseMb: Math.round(dbBytes / 2 ** 20), generatedSeconds: seconds },
      settings: run,
      endpoints: results,
      commentServerTime: { p50: serial.p50, p99: serial.p99, rps: serial.rps },
      extraction,
      memory: { maxRssMb, targetMb: RSS_TARGET_MB, pass: maxRssMb <= RSS_TARGET_MB },
    };
    mkdirSync(options.out, { recursive: true });
    const baseFile = join(options.out, `articles-${GROWTH_BASE}.json`);
    const earlier = existsSync(baseFile) ? (JSON.parse(readFileSync(baseFile, 'utf8')) as BenchResult) : undefined;
    const result: BenchResult = { ...partial, growth: growthAgainst(earlier, partial) };
    const json = `${JSON.stringify(result, null, 2)}\n`;
    writeFileSync(join(options.out, 'latest.json'), json);
    writeFileSync(join(options.out, `articles-${info.articles}.json`), json);
    return result;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
