import { pattern } from 'obscenity';
import t from 'tap';
import { fold, screen, screeningExpression } from '../../../../src/modules/comments/policy/profanity-fold.js';

t.test('folding follows obscenity’s chain: confusables, leet, lowercase, collapsed runs', async (t) => {
  t.equal(fold('FUCK').words.text, 'fuck');
  t.equal(fold('sh1t $h!t').words.text, 'shit shit');
  t.equal(fold('fuuuuck').words.text, 'fuck', 'runs collapse to one letter');
  t.equal(fold('asssss boooob').words.text, 'ass boob', 'but b, e, o, l, s and g keep two');
  t.equal(fold('ｆｕｃｋ fu\u0441k').words.text, 'fuck fuck', 'fullwidth and Cyrillic look-alikes');
});

t.test('the letters view skips everything that is not a letter', async (t) => {
  t.equal(fold('f.u.c.k').letters.text, 'fuck');
  t.equal(fold('f u c k').letters.text, 'fuck');
  t.equal(fold('f. f. u').letters.text, 'fu', 'duplicates collapse after skipping');
});

t.test('each folded character remembers where it came from, astral characters included', async (t) => {
  const letters = fold('a 𝐟𝐮 😀 b').letters;
  t.equal(letters.text, 'afub');
  t.same([...letters.origin], [0, 2, 4, 10]);
  const words = fold('😀x').words;
  t.equal(words.text, '\ufffdx', 'an emoji is one non-letter');
  t.same([...words.origin], [0, 2]);
});

t.test('one screening expression keeps each pattern’s word boundaries and wildcards', async (t) => {
  const patterns = [pattern`|ass`, pattern`f[?]ck`, pattern`cunt|`, pattern`|tit|`];
  const terms = patterns.map((parsed, id) => ({ id, pattern: parsed }));
  const bounded = screeningExpression(terms, true);
  const spans = (text: string, expression: RegExp) =>
    screen(fold(text).words, expression, text).map(([start, end]) => text.slice(start, end));
  t.same(spans('ass class', bounded), ['ass']);
  t.same(spans('fuck fck f*ck', bounded), ['fuck', 'fck', 'f*ck']);
  t.same(spans('cunts cunt', bounded), ['cunt']);
  t.same(spans('title tit', bounded), ['tit']);
  t.same(spans('title class', screeningExpression(terms, false)), ['tit', 'ass'], 'without boundaries, anywhere');
});

t.test('hits map back to the original text, astral characters included', async (t) => {
  const terms = [{ id: 0, pattern: pattern`fuck` }];
  const text = 'x 𝐟𝐮𝐜𝐤!';
  t.same(screen(fold(text).words, screeningExpression(terms, true), text), [[2, 10]]);
});
