import t from 'tap';
import { displayCase, foldPunctuation, foldedKey, nameKey, wordKey } from '../../../src/modules/entities/extract/normalize.js';

t.test('typographic quotes, apostrophes and dashes fold without moving offsets', async (t) => {
  const text = '“Council’s” Nagorno–Karabakh — ok\u00a0';
  const folded = foldPunctuation(text);
  t.equal(folded, '"Council\'s" Nagorno-Karabakh \u2014 ok ');
  t.equal(folded.length, text.length);
});

t.test('word keys ignore case, diacritics and a closing period', async (t) => {
  t.equal(wordKey('Peña'), 'pena');
  t.equal(wordKey('Council’s'), "council's");
  t.equal(wordKey('Mr.'), 'mr');
  t.equal(wordKey('.'), '.');
  t.equal(foldedKey('ITAR-TASS'), 'itar-tass');
});

t.test('name keys also collapse spaces', async (t) => {
  t.equal(nameKey('  Nagorno–Karabakh \n'), 'nagorno-karabakh');
  t.equal(nameKey('Collective  Security'), nameKey('collective security'));
});

t.test('shouted place names get a display form; acronyms stay', async (t) => {
  t.equal(displayCase('MOSCOW'), 'Moscow');
  t.equal(displayCase('NEW DELHI'), 'New Delhi');
  t.equal(displayCase('RIO-DE-JANEIRO'), 'Rio-De-Janeiro');
  t.equal(displayCase('LA'), 'LA');
  t.equal(displayCase('Yerevan'), 'Yerevan');
});
