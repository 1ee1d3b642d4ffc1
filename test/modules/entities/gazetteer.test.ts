import t from 'tap';
import { gazetteer, isDemonymWord } from '../../../src/modules/entities/extract/gazetteer.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const look = (text: string) => {
  const tokens = tokenize(text);
  return gazetteer().find(tokens).map((hit) => ({ text: tokens.slice(hit.start, hit.end).map((x) => x.text).join(' '), ...hit.value }));
};

t.test('countries, their other names, regions and cities', async (t) => {
  t.same(look('US'), [{ text: 'US', name: 'United States', type: 'place' }]);
  t.same(look('Kyrgyzstan and Bosnia and Herzegovina'), [
    { text: 'Kyrgyzstan', name: 'Kyrgyzstan', type: 'place' },
    { text: 'Bosnia and Herzegovina', name: 'Bosnia and Herzegovina', type: 'place' },
  ]);
  t.same(look('the South Caucasus').map((h) => h.name), ['South Caucasus']);
  t.same(look('Karabakh').map((h) => h.name), ['Nagorno-Karabakh']);
  t.same(look('Yerevan'), [{ text: 'Yerevan', name: 'Yerevan', type: 'place', city: true }]);
  t.same(look('Kolkata, Ill.').map((h) => h.name), ['Kolkata', 'Illinois'], "AP's state abbreviations");
  t.same(look('Aarhus'), [{ text: 'Aarhus', name: null, type: 'place', city: true }], "compromise's cities");
});

t.test('agencies and international bodies are organizations', async (t) => {
  t.same(look('ITAR-TASS, AP, NATO').map((h) => [h.name, h.type]), [
    ['ITAR-TASS', 'organization'],
    ['Associated Press', 'organization'],
    ['North Atlantic Treaty Organization', 'organization'],
  ]);
});

t.test('demonyms and adjectives are marked, one word or several', async (t) => {
  t.same(look('Russian and South African officials').map((h) => [h.text, h.type]), [['Russian', 'demonym'], ['South African', 'demonym']]);
  t.ok(isDemonymWord('armenian'));
  t.ok(isDemonymWord('afghan'));
  t.ok(isDemonymWord('armenian-azerbaijani'), 'compounds of demonyms');
  t.ok(isDemonymWord('russian-led'));
  t.notOk(isDemonymWord('armenia'));
  t.notOk(isDemonymWord('nagorno-karabakh'));
});

t.test('ordinary words are not places', async (t) => {
  t.same(look('us and shell, the house'), []);
  t.same(look('according to the WHO').map((h) => h.name), ['World Health Organization'], 'the band "The Who" needs its capital');
});
