import t from 'tap';
import { buildAnalysisText } from '../../../src/modules/entities/extract/analysis-text.js';
import type { Span } from '../../../src/modules/entities/extract/chunks.js';
import { datelineMentions } from '../../../src/modules/entities/extract/dateline.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const mentions = (place: string | null, source: string | null, listed: Record<string, string | null> = {}) => {
  const analysis = buildAnalysisText({ title: 'x', body: 'y', dateline: { place, source } });
  const tokens = tokenize(analysis.text);
  const spans = new Map<number, Span>();
  tokens.forEach((token, i) => {
    if (!(token.text in listed)) return;
    const end = tokens[i + 1]?.text === '.' ? i + 2 : i + 1;
    spans.set(i, { kind: 'entity', start: i, end, mention: { start: i, end, type: 'place', weight: 3, canonical: listed[token.text] ?? null, ref: `gazetteer:${token.key}` } });
  });
  return datelineMentions(analysis, tokens, spans).map((m) => `${m.type} ${tokens.slice(m.start, m.end).map((x) => x.text).join(' ')} → ${m.display} ${m.ref ?? ''}`.trim());
};

t.test('places and agencies, split at slashes, commas and "and"', async (t) => {
  t.same(mentions('WASHINGTON/LONDON', 'Reuters and AP'), ['place WASHINGTON → Washington', 'place LONDON → London', 'organization Reuters → Reuters', 'organization AP → AP']);
  t.same(mentions(null, 'ITAR-TASS'), ['organization ITAR-TASS → ITAR-TASS']);
  t.same(mentions('Yerevan', null), ['place Yerevan → Yerevan']);
});

t.test('listed names keep their identity; abbreviated states are written out', async (t) => {
  t.same(mentions('MOSCOW', null, { MOSCOW: 'Moscow' }), ['place MOSCOW → Moscow gazetteer:moscow']);
  t.same(mentions('SPRINGFIELD, Ill.', null, { Ill: 'Illinois' }), ['place SPRINGFIELD → Springfield', 'place Ill . → Illinois gazetteer:ill']);
});
