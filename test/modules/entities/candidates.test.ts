import t from 'tap';
import { buildAnalysisText } from '../../../src/modules/entities/extract/analysis-text.js';
import { findCandidates } from '../../../src/modules/entities/extract/candidates.js';
import { createEntityMatcher } from '../../../src/modules/entities/extract/entity-matcher.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';
import type { ArticleText } from '../../../src/modules/entities/extract/types.js';

const candidates = (article: ArticleText, matcher = createEntityMatcher()) => {
  const analysis = buildAnalysisText(article);
  const tokens = tokenize(analysis.text);
  const found = findCandidates(analysis, tokens, matcher);
  return {
    mentions: found.mentions.map((m) => [m.type, tokens.slice(m.start, m.end).map((x) => x.text).join(' '), m.ref ?? '', m.display ?? ''].join('|')),
    definitionAcronyms: [...found.definitionAcronyms].map((i) => tokens[i]?.text),
  };
};

t.test('a Title Case headline offers only listed names; a sentence-case one everything', async (t) => {
  t.same(candidates({ title: 'CSTO Summit Adopts Resolutions for Closer Cooperation in Moscow', body: 'Nothing.' }).mentions, ['place|Moscow|gazetteer:moscow|']);
  t.same(candidates({ title: "Shell's new boss reassures Wall Street", body: 'Nothing.' }).mentions, ['|Shell||', 'place|Wall Street|gazetteer:wall street|']);
});

t.test('a dateline gives its places and its agencies', async (t) => {
  t.same(candidates({ title: 'x', dateline: { place: 'SHENZHEN, China', source: 'Reuters/AP' }, body: 'Nothing.' }).mentions, [
    'place|SHENZHEN|gazetteer:shenzhen|Shenzhen',
    'place|China|gazetteer:china|China',
    'organization|Reuters|gazetteer:reuters|Reuters',
    'organization|AP|gazetteer:associated press|AP',
  ]);
  t.same(candidates({ title: 'x', dateline: { place: 'SPRINGFIELD, Ill.', source: 'Dateline Wire' }, body: 'Nothing.' }).mentions, [
    'place|SPRINGFIELD||Springfield',
    'place|Ill .|gazetteer:illinois|Illinois',
    'organization|Dateline Wire||Dateline Wire',
  ]);
  t.same(candidates({ title: 'x', dateline: { place: 'GYUMRI' }, body: 'Nothing.' }).mentions, ['place|GYUMRI|gazetteer:gyumri|Gyumri']);
});

t.test('a defined acronym and its long form are one entity wherever they appear', async (t) => {
  const found = candidates({ title: 'The CSTO meets', body: 'Leaders of the Collective Security Treaty Organization (CSTO) met. The CSTO Council decided.' });
  t.same(found.mentions, [
    'organization|CSTO|acronym:csto|',
    'organization|Collective Security Treaty Organization|acronym:csto|',
    'organization|CSTO|acronym:csto|',
    'organization|CSTO|acronym:csto|',
  ]);
  t.same(found.definitionAcronyms, ['CSTO']);
  t.same(candidates({ title: 'x', body: 'The Bank of England (BoE) said.' }).mentions, ['organization|Bank of England|acronym:boe|', 'organization|BoE|acronym:boe|'], 'no place inside the long form');
});

t.test('the long form of an acronym is typed by its words', async (t) => {
  const types = (body: string) => candidates({ title: 'x', body }).mentions.map((m) => m.split('|').slice(0, 2).join(' '));
  t.same(types('in the Mekong River Delta (MRD) region'), ['place Mekong River Delta', 'place MRD']);
  t.same(types('by John Fitzgerald Kennedy (JFK) himself'), ['person John Fitzgerald Kennedy', 'person JFK']);
  t.same(types('fighters of Islamic State (IS) said'), ['organization Islamic State', 'organization IS']);
});

t.test('an acronym defined for a known entity joins it', async (t) => {
  const matcher = createEntityMatcher([
    { id: 'o1', name: 'Collective Security Treaty Organization', type: 'organization', aliases: [] },
    { id: 'o2', name: 'Financial Conduct Authority', type: 'organization', aliases: ['FCA'] },
    { id: 'o3', name: 'Security', type: 'organization', aliases: [] },
  ]);
  t.same(candidates({ title: 'x', body: 'The Collective Security Treaty Organization (CSTO) met the CSTO.' }, matcher).mentions, [
    'organization|Collective Security Treaty Organization|known:o1|',
    'organization|CSTO|known:o1|',
    'organization|CSTO|known:o1|',
  ]);
  t.same(candidates({ title: 'x', body: 'The FCA (Financial Conduct Authority) said.' }, matcher).mentions, ['organization|FCA|known:o2|', 'organization|Financial Conduct Authority|known:o2|']);
  t.same(candidates({ title: 'x', body: 'The FCA (Federal Conduct Authority) said.' }, matcher).mentions, ['organization|FCA|known:o2|', 'organization|Federal Conduct Authority|known:o2|']);
  t.same(candidates({ title: 'x', body: 'The National Security Agency (NSA) said.' }, matcher).mentions, ['organization|National Security Agency||', 'organization|NSA|gazetteer:nsa|'], 'a known name inside the long form blocks the definition');
});

t.test('a city followed by its manager is a club', async (t) => {
  t.same(candidates({ title: 'x', body: 'Liverpool manager Arne Slot and Liverpool beat them in Liverpool.' }).mentions.filter((m) => m.includes('Liverpool')), [
    'organization|Liverpool|gazetteer:liverpool|',
    'organization|Liverpool|gazetteer:liverpool|',
    'place|Liverpool|gazetteer:liverpool|',
  ]);
});
