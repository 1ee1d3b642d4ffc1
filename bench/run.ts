// npm run bench [-- --quick] [--articles N] [--seed S] [--connections C] [--duration s] [--warmup s] [--write-warmup s] [--slice s] [--corpus file] [--out dir] [--source]
// Generates a corpus, starts Dateline (the real server process) and the baseline on loopback,
// loads both per endpoint, taking turns of a few seconds, and prints the table (also written as JSON).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/context.js';
import { runBench } from './harness.js';
import { ROOT } from './processes.js';
import { renderTable } from './report.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    'write-warmup': { type: 'string' },
    slice: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
  },
});
const articles = Number(args.articles);
const seed = Number(args.seed);
const run = {
  connections: Number(args.connections),
  duration: Number(args.duration ?? (args.quick ? 3 : 10)),
  warmup: Number(args.warmup ?? (args.quick ? 1 : 3)),
  writeWarmup: Number(args['write-warmup'] ?? (args.quick ? 3 : 10)),
  slice: Number(args.slice ?? (args.quick ? 1 : 2)),
};
if (!Number.isSafeInteger(articles) || articles < 1 || !Number.isSafeInteger(seed) || !(run.duration > 0) || !(run.warmup >= 0) || !(run.writeWarmup >= 0) || !(run.connections >= 1) || !(run.slice > 0)) {
  process.stderr.write('usage: npm run bench -- [--quick] [--articles N] [--seed S] [--connections C] [--duration s] [--warmup s] [--write-warmup s] [--slice s] [--corpus file] [--out dir] [--source]\n');
  process.exit(2);
}

// Interrupted: exit, so that the servers started are killed on the way out (processes.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const say = (line: string) => process.stderr.write(`${line}\n`);
const bar = progressBar({ stdout: process.stdout, stderr: process.stderr, env: process.env }, 'corpus');
let barStarted = false;
const result = await runBench({
  articles,
  seed,
  run,
  extractionSamples: args.quick ? 50 : 200,
  server: args.source ? 'source' : 'built',
  ...(args.corpus ? { corpusPath: resolve(args.corpus) } : {}),
  out: args.out,
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  say,
  onProgress: (done) => {
    if (!barStarted) bar.start(articles, 0);
    barStarted = true;
    bar.update(done);
    if (done >= articles) bar.stop();
  },
});
process.stdout.write(renderTable(result));
say(`written: ${join(args.out, 'latest.json')}`);
