// Builds of Dateline side by side: `npm run bench:compare` (compare-run.ts) loads each variant
// and the baseline in turns on the same corpus, with the first variant started twice as a
// control. This machine's speed drifts by a third within a minute; the control's two figures
// say how far apart one build can measure, so a difference smaller than that is noise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildVocabulary } from './corpus-text.js';
import { measure, type RunOptions } from './drive.js';
import { endpoints as benchEndpoints } from './endpoints.js';
import { ADMIN_KEY, compile, createPartnerKey, prepareCorpus, startBaseline, startDateline } from './harness.js';
import { ROOT, type ServerProcess } from './processes.js';

/** A server to compare: a git revision (or `src`, the working tree through tsx) and settings of its own. */
export interface Variant {
  label: string;
  revision: string;
  env: Record<string, string>;
}

const LABEL = /^[\w.-]{1,32}$/;
const SETTING = /^([A-Z][A-Z0-9_]*)=(.*)$/;

/** `label=revision[,NAME=value…]`, as the command line gives a variant. */
export function parseVariant(spec: string): Variant {
  const [head = '', ...settings] = spec.split(',');
  const eq = head.indexOf('=');
  const label = head.slice(0, eq);
  const revision = head.slice(eq + 1);
  if (eq < 1 || !LABEL.test(label) || revision === '') throw new Error(`a variant is label=revision[,NAME=value…]: ${spec}`);
  const env: Record<string, string> = {};
  for (const setting of settings) {
    const match = SETTING.exec(setting);
    if (!match) throw new Error(`a variant's setting is NAME=value: ${setting}`);
    env[match[1] as string] = match[2] as string;
  }
  return { label, revision, env };
}

/**
 * The entry point to run for a revision: `src` runs the working tree through tsx; any other is
 * a git revision, compiled once into `.bench-builds/<commit>` (its src/, migrations/ and package.json with
 * it, so the build finds its own migrations and this checkout's node_modules).
 */
export function buildRevision(revision: string, say: (line: string) => void = () => {}): string {
  if (revision === 'src') return 'src/server.ts';
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const commit = git('rev-parse', '--verify', '--quiet', `${revision}^{commit}`).stdout.trim();
  if (!commit) throw new Error(`not a git revision: ${revision}`);
  const dir = join(ROOT, '.bench-builds', commit);
  const entry = join(dir, 'dist', 'server.js');
  if (existsSync(entry)) return entry;
  say(`building ${revision} (${commit.slice(0, 12)})…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', commit, 'src', 'migrations', 'tsconfig.json', 'package.json'], { cwd: ROOT, maxBuffer: 1 << 28 });
  const untar = archive.status === 0 ? spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout }) : archive;
  if (untar.status !== 0) throw new Error(`git archive ${commit} failed: ${String(untar.stderr)}`);
  try {
    compile(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return entry;
}

export interface CompareOptions {
  corpusPath?: string;
  articles: number;
  seed: number;
  /** Entities in a generated corpus (the bench's default when absent). */
  entities?: number;
  variants: Variant[];
  /** Read endpoints whose name contains one of these (all reads when empty). */
  only: string[];
  run: RunOptions;
  env?: NodeJS.ProcessEnv;
  say?: (line: string) => void;
}

export interface CompareRow {
  endpoint: string;
  baselineRps: number;
  /** Each variant's req/s and its ratio to the baseline, the control (first variant again) last. */
  servers: { label: string; rps: number; p50: number; ratio: number }[];
  /** How far apart the first variant's two processes measured: |a − b| / mean. */
  controlSpread: number;
}

/** Loads every variant, the control and the baseline in turns, endpoint by endpoint; read endpoints only. */
export async function runComparison(options: CompareOptions): Promise<CompareRow[]> {
  const say = options.say ?? (() => {});
  const env = options.env ?? process.env;
  const [first] = options.variants;
  if (!first) throw new Error('nothing to compare: give at least one variant');
  const labels = new Set(options.variants.map((v) => v.label));
  if (labels.size !== options.variants.length) throw new Error('variant labels must differ');
  const work = mkdtempSync(join(tmpdir(), 'dateline-compare-'));
  const servers: ServerProcess[] = [];
  try {
    const scripts = options.variants.map((variant) => buildRevision(variant.revision, say));
    const { path, info } = prepareCorpus(options, work, say);
    const started = [...options.variants, { ...first, label: `${first.label}·again` }];
    for (const [i, variant] of started.entries()) {
      // The control, last, runs the first variant's build.
      const script = scripts[i] ?? (scripts[0] as string);
      servers.push(await startDateline({ name: variant.label, script, corpusPath: path, work, env, overrides: variant.env }));
    }
    const vocabulary = buildVocabulary(options.seed, options.entities);
    const partnerKey = await createPartnerKey(servers[0] as ServerProcess);
    const reads = benchEndpoints({ ...info, vocabulary, adminKey: ADMIN_KEY, partnerKey, seed: options.seed, runId: Date.now().toString(36) }).filter((e) => !e.write);
    // Every variant is measured on the answers of the first: the baseline replays those.
    const baseline = await startBaseline(servers[0] as ServerProcess, reads, work, env);
    servers.push(baseline);
    const chosen = reads.filter((e) => options.only.length === 0 || options.only.some((part) => e.name.includes(part)));
    if (chosen.length === 0) throw new Error(`no read endpoint matches ${options.only.join(', ')}`);
    const rows: CompareRow[] = [];
    for (const endpoint of chosen) {
      const measured = await measure(servers, endpoint, options.run, { n: 0 });
      const base = measured.at(-1)?.rps ?? 0;
      const ours = measured.slice(0, -1).map((m, i) => ({ label: started[i]?.label ?? '', rps: m.rps, p50: m.p50, ratio: base > 0 ? round(m.rps / base) : 0, unexpected: m.unexpected }));
      const bad = ours.find((s) => s.unexpected > 0);
      if (bad) throw new Error(`${endpoint.name}: ${bad.label} gave ${bad.unexpected} answers other than ${endpoint.expect}`);
      const a = ours[0]?.rps ?? 0;
      const b = ours.at(-1)?.rps ?? 0;
      rows.push({ endpoint: endpoint.name, baselineRps: base, servers: ours.map(({ unexpected: _u, ...s }) => s), controlSpread: a + b > 0 ? round(Math.abs(a - b) / ((a + b) / 2)) : 0 });
      say(`${endpoint.name}: done`);
    }
    return rows;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The rows as a plain-text table: req/s and ratio to the baseline per server, and the control's spread. */
export function renderComparison(rows: CompareRow[]): string {
  const labels = rows[0]?.servers.map((s) => s.label) ?? [];
  const cell = (text: string) => text.padStart(16);
  const lines = [`${'endpoint'.padEnd(32)}${cell('baseline')}${labels.map(cell).join('')}${cell('control spread')}`];
  for (const row of rows) {
    const servers = row.servers.map((s) => cell(`${Math.round(s.rps)} ${s.ratio.toFixed(2)}`)).join('');
    lines.push(`${row.endpoint.padEnd(32)}${cell(String(Math.round(row.baselineRps)))}${servers}${cell(`${Math.round(row.controlSpread * 100)} %`)}`);
  }
  lines.push('', 'req/s, then the ratio to the baseline; the control is the first variant started again');
  return `${lines.join('\n')}\n`;
}
