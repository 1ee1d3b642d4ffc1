import t from 'tap';
import { quote, quoteList } from '../../../../src/modules/comments/policy/excerpt.js';

t.test('quoted text is short, plain and quoted', async (t) => {
  t.equal(quote('f.u.c.k'), '"f.u.c.k"');
  t.equal(quote('a$$hole'), '"a$$hole"');
  t.equal(quote('line\nbreak\t here'), '"line break here"');
  t.equal(quote('x'.repeat(100)), `"${'x'.repeat(39)}…"`);
  t.equal([...quote('😀'.repeat(50))].length, 42, 'cut by characters, not UTF-16 units');
});

t.test('markup, quotes, controls and bidi overrides cannot travel in a detail', async (t) => {
  t.equal(quote('<script>"x"&</script>'), '"·script··x···/script·"');
  t.equal(quote('abc\u202Edef\u200B\u0007'), '"abcdef"');
  t.equal(quote('back`tick\\slash'), '"back·tick·slash"');
});

t.test('lists name at most three and count the rest', async (t) => {
  t.equal(quoteList(['a']), '"a"');
  t.equal(quoteList(['a', 'b', 'a']), '"a", "b"', 'repeats are named once');
  t.equal(quoteList(['a', 'b', 'c', 'd', 'e']), '"a", "b", "c" and 2 more');
});
