import t from 'tap';
import { shareListTypes } from '../../../src/modules/entities/extract/coordination.js';
import type { Mention } from '../../../src/modules/entities/extract/mention.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';
import type { EntityType } from '../../../src/modules/entities/extract/types.js';

// Mentions of the given words, typed as listed (null: untyped).
const typed = (text: string, types: Record<string, EntityType | null>) => {
  const tokens = tokenize(text);
  const mentions: Mention[] = tokens.flatMap((token, i) => (token.text in types ? [{ start: i, end: i + 1, type: types[token.text] ?? null, weight: types[token.text] ? 3 : 0 }] : []));
  return shareListTypes(tokens, mentions).map((m) => `${tokens[m.start]?.text}:${m.type ?? '?'}`);
};

t.test('untyped names in a list take the type of the others', async (t) => {
  t.same(typed('in Khartoum, Omdurman and Bahri', { Khartoum: 'place', Omdurman: null, Bahri: null }), ['Khartoum:place', 'Omdurman:place', 'Bahri:place']);
  t.same(typed('Suhair and Golui scored', { Suhair: 'person', Golui: null }), ['Suhair:person', 'Golui:person']);
  t.same(typed('Alpha, Beta, Gamma', { Alpha: null, Beta: 'place', Gamma: 'place' }), ['Alpha:place', 'Beta:place', 'Gamma:place']);
});

t.test('a pair joined by a comma alone is no list', async (t) => {
  t.same(typed("Sarkisian, Armenia's president", { Sarkisian: null, Armenia: 'place' }), ['Sarkisian:?', 'Armenia:place']);
});

t.test('lists whose typed names disagree, or that are broken, share nothing', async (t) => {
  t.same(typed('Shell, Moscow and Golui', { Shell: 'organization', Moscow: 'place', Golui: null }), ['Shell:organization', 'Moscow:place', 'Golui:?']);
  t.same(typed('Moscow or the Golui', { Moscow: 'place', Golui: null }), ['Moscow:place', 'Golui:?']);
  t.same(typed('Moscow and\nGolui', { Moscow: 'place', Golui: null }), ['Moscow:place', 'Golui:?']);
});
