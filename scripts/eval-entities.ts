// Scores entity extraction against the hand-annotated articles in test/fixtures/articles, by
// the rules in that folder's README, and shows each article's misses and false positives.
// It is a report: it always exits 0.
import { readdirSync, readFileSync } from 'node:fs';
import { extractEntities, type EntityType, type ExtractedEntity } from '../src/modules/entities/extract/extract-entities.js';
import { foldPunctuation } from '../src/modules/entities/extract/normalize.js';

interface GoldEntity {
  name: string;
  type: 'PERSON' | 'ORGANIZATION' | 'PLACE';
  mentions: string[];
  optional?: boolean;
}

interface Fixture {
  title: string;
  standfirst: string | null;
  dateline: { place?: string | null; source?: string | null } | null;
  body: string;
  gold_entities: GoldEntity[];
}

const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];
const dir = new URL('../test/fixtures/articles/', import.meta.url);
// The README's folding: case, whitespace, quotes and dashes.
const normalize = (s: string) => foldPunctuation(s).replace(/\u2014/g, '-').toLowerCase().replace(/\s+/g, ' ').trim();
const goldType = (g: GoldEntity) => g.type.toLowerCase() as EntityType;
const matches = (p: ExtractedEntity, g: GoldEntity) => p.type === goldType(g) && [g.name, ...g.mentions].some((form) => normalize(form) === normalize(p.name));

type Tally = { gold: number; found: number; predicted: number; correct: number };
const tally = (): Tally => ({ gold: 0, found: 0, predicted: 0, correct: 0 });
const totals = new Map<EntityType | 'overall', Tally>([...TYPES, 'overall' as const].map((t) => [t, tally()]));
const add = (type: EntityType, field: keyof Tally) => {
  for (const key of [type, 'overall'] as const) (totals.get(key) as Tally)[field] += 1;
};

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const articles = files.map((file) => ({ file, fixture: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture }));
const report: string[] = [];
// compromise and the gazetteer load on first use and the JIT needs some passes: time later ones.
const WARM_UP_PASSES = 20;
const TIMED_PASSES = 20;
for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const { fixture } of articles) extractEntities(fixture);
const started = performance.now();
for (let pass = 0; pass < TIMED_PASSES; pass++) for (const { fixture } of articles) extractEntities(fixture);
const perArticle = (performance.now() - started) / TIMED_PASSES / articles.length;

for (const { file, fixture } of articles) {
  const predicted = extractEntities(fixture);
  const gold = fixture.gold_entities;
  const misses = gold.filter((g) => !g.optional && !predicted.some((p) => matches(p, g)));
  const falsePositives: ExtractedEntity[] = [];
  for (const g of gold) if (!g.optional) add(goldType(g), 'gold');
  for (const g of gold) if (!g.optional && predicted.some((p) => matches(p, g))) add(goldType(g), 'found');
  for (const p of predicted) {
    const hit = gold.find((g) => matches(p, g));
    if (hit?.optional) continue;
    add(p.type, 'predicted');
    if (hit) add(p.type, 'correct');
    else falsePositives.push(p);
  }
  report.push(`\n${file}: ${predicted.length} predicted, ${misses.length} missed, ${falsePositives.length} false positive(s)`);
  for (const g of misses) {
    const near = predicted.find((p) => [g.name, ...g.mentions].some((form) => normalize(form) === normalize(p.name)));
    report.push(`  missed          ${goldType(g).padEnd(12)} ${g.name}${near ? `   (predicted as ${near.type})` : ''}`);
  }
  for (const p of falsePositives) report.push(`  false positive  ${p.type.padEnd(12)} ${p.name}`);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f = (n: number) => n.toFixed(3).padStart(9);
const lines = [
  `Entity extraction on ${articles.length} annotated articles (test/fixtures/articles)`,
  '',
  `${'type'.padEnd(13)}${'gold'.padStart(6)}${'found'.padStart(7)}${'predicted'.padStart(11)}${'correct'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(9)}`,
];
for (const [type, t] of totals) {
  const precision = ratio(t.correct, t.predicted);
  const recall = ratio(t.found, t.gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  if (type === 'overall') lines.push('-'.repeat(75));
  lines.push(`${type.padEnd(13)}${String(t.gold).padStart(6)}${String(t.found).padStart(7)}${String(t.predicted).padStart(11)}${String(t.correct).padStart(9)}  ${f(precision)}${f(recall)}${f(f1)}`);
}
lines.push('', `Mean extraction time: ${perArticle.toFixed(1)} ms per article (no known entities, ${TIMED_PASSES} passes after warm-up)`);
process.stdout.write(`${[...lines, ...report].join('\n')}\n`);
