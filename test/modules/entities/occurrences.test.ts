import t from 'tap';
import type { Draft } from '../../../src/modules/entities/extract/draft.js';
import { findOccurrences } from '../../../src/modules/entities/extract/occurrences.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const draft = (name: string, more: Partial<Draft> = {}): Draft => ({ type: 'organization', name, aliases: [], shortForms: [], mentions: [], ...more });

t.test('every form of every entity is counted, the longest first', async (t) => {
  const text = "CSTO Summit. The Collective Security Treaty Organization (CSTO) met; the CSTO's Council. Sarkisian and Serzh Sarkisian.";
  const tokens = tokenize(text);
  const definition = tokens.findIndex((x, i) => x.text === 'CSTO' && tokens[i - 1]?.text === '(');
  const [csto, person] = findOccurrences(tokens, [draft('Collective Security Treaty Organization', { aliases: ['CSTO'] }), draft('Serzh Sarkisian', { type: 'person', shortForms: ['Sarkisian'] })], new Set([definition]));
  t.same(csto?.map((offset) => text.slice(offset, offset + 4)), ['CSTO', 'Coll', 'CSTO'], 'the acronym inside its own definition is not a second mention');
  t.same(person?.map((offset) => text.slice(offset, offset + 5)), ['Sarki', 'Serzh']);
});

t.test("a known entity's aliases count too", async (t) => {
  const text = 'ODKB and CSTO';
  const tokens = tokenize(text);
  const known = { id: 'k', name: 'CSTO', type: 'organization' as const, aliases: ['ODKB'] };
  t.same(findOccurrences(tokens, [draft('CSTO', { known })], new Set()), [[0, 9]]);
});

t.test('an entity the rescan cannot find keeps the offsets of its mentions', async (t) => {
  const text = 'moscow';
  const tokens = tokenize(text);
  t.same(findOccurrences(tokens, [draft('Moscow', { type: 'place', mentions: [{ start: 0, end: 1, type: 'place', weight: 3 }] })], new Set()), [[0]]);
});
