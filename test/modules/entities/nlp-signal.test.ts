import t from 'tap';
import { nlpTypes } from '../../../src/modules/entities/extract/nlp-signal.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const typeOf = (text: string, ...words: string[]) => {
  const tokens = tokenize(text);
  const ranges = words.map((word) => {
    const start = tokens.findIndex((x) => x.text === word.split(' ')[0]);
    return [start, start + word.split(' ').length] as const;
  });
  return nlpTypes(text, tokens, ranges);
};

t.test("compromise's reading of a name in its context", async (t) => {
  t.same(typeOf('The talks were held with Yury Ushakov in the city.', 'Yury Ushakov'), ['person']);
  t.same(typeOf('The delegation flew to Kolkata for the match.', 'Kolkata'), ['place']);
  t.same(typeOf('He runs a shop. The Gaurs won again.', 'Gaurs'), [null]);
});

t.test('many names, in one sentence or several, are read in one call', async (t) => {
  const text = 'Yury Ushakov met Kolkata officials.\n\nThen Nikolai Bordyuzha went home to Kolkata.';
  t.same(typeOf(text, 'Yury Ushakov', 'Nikolai Bordyuzha'), ['person', 'person']);
  t.same(nlpTypes(text, tokenize(text), []), []);
});
