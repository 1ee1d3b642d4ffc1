// npm run bench:compare -- [--corpus file] [--articles N] [--seed S] [--connections C] [--duration s] [--warmup s] [--slice s] [--only name,name] label=revision[,NAME=value…] …
// Loads builds of Dateline side by side with the baseline and a control (see compare.ts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseVariant, renderComparison, runComparison } from './compare.js';

const usage =
  'usage: npm run bench:compare -- [--corpus file] [--articles N] [--seed S] [--connections C] [--duration s] [--warmup s] [--slice s] [--only name,name] label=revision[,NAME=value…] …\n';
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string' },
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    slice: { type: 'string', default: '1' },
    only: { type: 'string', default: '' },
  },
});
const run = { connections: Number(args.connections), duration: Number(args.duration), warmup: Number(args.warmup), writeWarmup: 0, slice: Number(args.slice) };
const articles = Number(args.articles);
const seed = Number(args.seed);
if (positionals.length === 0 || !Number.isSafeInteger(articles) || articles < 1 || !Number.isSafeInteger(seed) || !(run.connections >= 1) || !(run.duration > 0) || !(run.warmup >= 0) || !(run.slice > 0)) {
  process.stderr.write(usage);
  process.exit(2);
}
let variants;
try {
  variants = positionals.map(parseVariant);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

// Interrupted: exit, so that the servers started are killed on the way out (processes.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const rows = await runComparison({
  ...(args.corpus ? { corpusPath: resolve(args.corpus) } : {}),
  articles,
  seed,
  variants,
  only: args.only.split(',').filter(Boolean),
  run,
  say: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(renderComparison(rows));
