import t from 'tap';
import { buildChunks, unitEnd, unitStart, type Span } from '../../../src/modules/entities/extract/chunks.js';
import { gazetteer } from '../../../src/modules/entities/extract/gazetteer.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

// Chunks as text: [gazetteer entry], {demonym}, (connector).
const chunked = (text: string) => {
  const tokens = tokenize(text);
  const spans = new Map<number, Span>();
  for (const { start, end, value } of gazetteer().find(tokens)) {
    spans.set(start, value.type === 'demonym' ? { kind: 'demonym', start, end } : { kind: 'entity', start, end, mention: { start, end, type: value.type, weight: 3 } });
  }
  const { chunks, titleEnds } = buildChunks(tokens, 0, tokens.length, spans);
  const words = (from: number, to: number) => tokens.slice(from, to).map((x) => x.text).join(' ');
  return {
    chunks: chunks.map((units) =>
      units
        .map((u) => {
          const w = words(unitStart(u), unitEnd(u));
          return u.kind === 'entity' ? `[${w}]` : u.kind === 'demonym' ? `{${w}}` : u.kind === 'connector' ? `(${w})` : w;
        })
        .join(' '),
    ),
    afterTitles: [...titleEnds].map((i) => tokens[i]?.text),
  };
};

t.test('titles end chunks and mark the name after them', async (t) => {
  t.same(chunked('Armenian President Serzh Sarkisian participated'), { chunks: ['{Armenian}', 'Serzh Sarkisian'], afterTitles: ['Serzh'] });
  t.same(chunked("Armenia's Minister of Foreign Affairs Edward Nalbandian and Minister of Defense Seyran Ohanian").chunks, ['[Armenia]', 'Edward Nalbandian', 'Seyran Ohanian']);
  t.same(chunked('the President said').chunks, []);
});

t.test('a title word at the end of a name is part of it', async (t) => {
  t.same(chunked('novelist Stephen King said').chunks, ['Stephen King']);
  t.same(chunked('the General Assembly voted').chunks, ['General Assembly']);
});

t.test('capitals that open a sentence are dropped when they are ordinary words', async (t) => {
  t.same(chunked('Speaking at the session, Sarkisian said').chunks, ['Sarkisian']);
  t.same(chunked('Among other documents Ushakov singled out').chunks, ['Ushakov']);
  t.same(chunked('Royal Vopak said').chunks, ['Royal Vopak'], 'unless a name-only word follows');
  t.same(chunked('Rival Shell said').chunks, ['Shell']);
});

t.test('connectors and particles join names; dates end them', async (t) => {
  t.same(chunked('the Council of Foreign Ministers met').chunks, ['Council (of) Foreign Ministers']);
  t.same(chunked('Mr van der Veer said').chunks, ['van der Veer']);
  t.same(chunked('Vopak & Zeeland and Kyrgyzstan and Tajikistan').chunks, ['Vopak (&) Zeeland (and) [Kyrgyzstan] (and) [Tajikistan]']);
  t.same(chunked('Moscow on Tuesday and Ayesha May in June').chunks, ['[Moscow]', 'Ayesha May']);
  t.same(chunked('the Council of the future').chunks, ['Council'], 'no connector at the end');
});

t.test('commas, possessives and lines end chunks', async (t) => {
  t.same(chunked("Russia, Armenia and the CSTO's Collective Security Council").chunks, ['[Russia]', '[Armenia] (and) (the) CSTO', 'Collective Security Council']);
  t.same(chunked('Collective Security\nCouncil').chunks, ['Collective Security', 'Council']);
});

t.test('demonyms, even compound ones, are their own units', async (t) => {
  t.same(chunked('the Armenian-Azerbaijani border and the Indian Super League').chunks, ['{Armenian-Azerbaijani}', '{Indian} Super League']);
});
