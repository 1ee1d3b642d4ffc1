import type { Measurement, RunOptions } from './drive.js';
import type { Endpoint, Target } from './endpoints.js';
import type { ExtractionTiming } from './extraction.js';

export const RSS_TARGET_MB = 250;
export const GROWTH_TARGET = 1.5;
// The endpoints whose median latency may grow at most GROWTH_TARGET times from 10k to 1M articles.
const GROWTH_ENDPOINTS = ['list (20 summaries)', 'article by slug', 'entity articles', 'JSON Feed'];

export interface EndpointResult {
  name: string;
  expect: number;
  baseline: Measurement;
  dateline: Measurement;
  /** Dateline's req/s over the baseline's. */
  ratio: number;
  target: string;
  pass: boolean | null;
}

export interface BenchResult {
  date: string;
  command: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; server: string; loadBefore: number[]; loadAfter: number[] };
  corpus: { articles: number; entities: number; comments: number; seed: number; databaseMb: number; generatedSeconds: number | null };
  settings: RunOptions;
  endpoints: EndpointResult[];
  /** POST a comment with one connection: the request's own time, no queueing (issue 4: well under 5 ms). */
  commentServerTime: { p50: number; p99: number; rps: number };
  extraction: ExtractionTiming;
  memory: { maxRssMb: number; targetMb: number; pass: boolean };
  growth: { from: number; to: number; endpoints: Growth[] } | null;
}

/**
 * How an endpoint's median grew from the smaller corpus's run to this one. The two runs are
 * minutes or days apart, and this machine's speed drifts by a third within a minute, so the
 * raw growth carries the machine's drift. The baseline, which serves the same bytes in both
 * runs whatever the corpus, moved with the machine alone: `relative` is Dateline's growth over
 * the baseline's, what the corpus did, and the verdict is on it.
 */
export interface Growth {
  name: string;
  p50From: number;
  p50To: number;
  growth: number;
  baselineFrom: number;
  baselineTo: number;
  baselineGrowth: number;
  relative: number;
  pass: boolean;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function describe(target: Target): string {
  switch (target.kind) {
    case 'ratio':
      return `≥ ${target.min} × baseline`;
    case 'p99-vs-item':
      return `p99 ≤ ${target.max} × item p99`;
    case 'rate':
      return `≥ ${target.min}/s`;
    default:
      return '—';
  }
}

/** Pairs each endpoint's two measurements and checks it against its target. */
export function judge(endpoints: Endpoint[], measured: { baseline: Measurement; dateline: Measurement }[]): EndpointResult[] {
  const itemIndex = endpoints.findIndex((e) => e.name === 'article by slug');
  const itemP99 = measured[itemIndex]?.dateline.p99 ?? NaN;
  return endpoints.map((endpoint, i) => {
    const { baseline, dateline } = measured[i] as { baseline: Measurement; dateline: Measurement };
    const ratio = baseline.rps > 0 ? round(dateline.rps / baseline.rps) : 0;
    const { target } = endpoint;
    const pass =
      target.kind === 'ratio' ? ratio >= target.min
      : target.kind === 'p99-vs-item' ? dateline.p99 <= target.max * itemP99
      : target.kind === 'rate' ? dateline.rps >= target.min
      : null;
    return { name: endpoint.name, expect: endpoint.expect, baseline, dateline, ratio, target: describe(target), pass: dateline.unexpected > 0 ? false : pass };
  });
}

/** Median latency growth against an earlier run on a smaller corpus (10,000 articles), if there is one. */
export function growthAgainst(earlier: BenchResult | undefined, now: Pick<BenchResult, 'corpus' | 'endpoints'>): BenchResult['growth'] {
  if (!earlier || earlier.corpus.articles >= now.corpus.articles) return null;
  const endpoints = GROWTH_ENDPOINTS.flatMap((name): Growth[] => {
    const from = earlier.endpoints.find((e) => e.name === name);
    const to = now.endpoints.find((e) => e.name === name);
    if (from === undefined || to === undefined) return [];
    const growth = to.dateline.p50 / Math.max(from.dateline.p50, 0.01);
    const baselineGrowth = to.baseline.p50 / Math.max(from.baseline.p50, 0.01);
    const relative = round(growth / baselineGrowth);
    return [
      {
        name,
        p50From: from.dateline.p50,
        p50To: to.dateline.p50,
        growth: round(growth),
        baselineFrom: from.baseline.p50,
        baselineTo: to.baseline.p50,
        baselineGrowth: round(baselineGrowth),
        relative,
        pass: relative <= GROWTH_TARGET,
      },
    ];
  });
  return { from: earlier.corpus.articles, to: now.corpus.articles, endpoints };
}

const pad = (value: unknown, width: number) => String(value).padStart(width);
const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'ok' : 'MISS');

/** The result as the plain-text table the harness prints (and docs/performance.md quotes). */
export function renderTable(result: BenchResult): string {
  const lines: string[] = [];
  const { machine, corpus, settings } = result;
  lines.push(
    `Dateline benchmark — ${result.date}`,
    `machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadBefore.join(' ')} → ${machine.loadAfter.join(' ')}`,
    `server: ${machine.server}`,
    `corpus: ${corpus.articles} articles, ${corpus.entities} entities, ${corpus.comments} comments (seed ${corpus.seed}, ${corpus.databaseMb} MB)`,
    `load: ${settings.connections} connections, ${settings.warmup} s warm-up (${settings.writeWarmup} s for writes) + ${settings.duration} s per server and endpoint, baseline and Dateline taking turns of ${settings.slice} s`,
    '',
    `${'endpoint'.padEnd(34)} ${pad('base req/s', 11)} ${pad('p50', 6)} ${pad('p99', 6)} │ ${pad('Dateline', 9)} ${pad('p50', 6)} ${pad('p99', 6)} │ ${pad('ratio', 5)}  target`,
  );
  for (const e of result.endpoints) {
    const bad = e.dateline.unexpected > 0 ? ` (${e.dateline.unexpected} not ${e.expect})` : '';
    lines.push(
      `${e.name.padEnd(34)} ${pad(e.baseline.rps, 11)} ${pad(e.baseline.p50, 6)} ${pad(e.baseline.p99, 6)} │ ${pad(e.dateline.rps, 9)} ${pad(e.dateline.p50, 6)} ${pad(e.dateline.p99, 6)} │ ${pad(e.ratio.toFixed(2), 5)}  ${e.target} ${verdict(e.pass)}${bad}`,
    );
  }
  const { commentServerTime: c, extraction: x, memory: m } = result;
  lines.push(
    '',
    'latencies in ms',
    `comment post, 1 connection: p50 ${c.p50} ms, p99 ${c.p99} ms (${c.rps}/s) — target well under 5 ms`,
    `extraction, ${x.knownEntities} known entities, ${x.words}-word articles: p50 ${x.p50} ms, p99 ${x.p99} ms per article — target ~20 ms`,
    `server RSS under load: max ${m.maxRssMb} MB — target ≤ ${m.targetMb} MB at 1,000,000 articles ${verdict(m.pass)}`,
  );
  if (result.growth) {
    lines.push(`growth of p50 from ${result.growth.from} to ${result.growth.to} articles, over the baseline's in the same two runs (target ≤ ${GROWTH_TARGET}×):`);
    for (const g of result.growth.endpoints) {
      lines.push(
        `  ${g.name.padEnd(32)} ${g.p50From} → ${g.p50To} ms: ${g.growth}×; baseline ${g.baselineFrom} → ${g.baselineTo} ms: ${g.baselineGrowth}×; over it ${g.relative}× ${verdict(g.pass)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
