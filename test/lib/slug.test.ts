import t from 'tap';
import { SLUG_PATTERN, slugify } from '../../src/lib/slug.js';

t.test('slugify turns headlines into readable URL segments', async (t) => {
  t.equal(slugify('CSTO Summit Adopts Resolutions for Closer Cooperation'), 'csto-summit-adopts-resolutions-for-closer-cooperation');
  t.equal(slugify("Shell's new boss reassures market"), 'shells-new-boss-reassures-market');
  t.equal(slugify('Café Zürich — élan!'), 'cafe-zurich-elan');
  t.equal(slugify('Пашинян подал в отставку'), 'пашинян-подал-в-отставку', 'Cyrillic kept, й not folded');
  t.equal(slugify('Հայաստան 2026'), 'հայաստան-2026');
  t.equal(slugify('   '), '');
  t.equal(slugify('<script>alert(1)</script>'), 'script-alert-1-script');
});

t.test('slugify cuts long text at a word boundary', async (t) => {
  const long = slugify('word '.repeat(40), 30);
  t.ok(long.length <= 30);
  t.notMatch(long, /-$/);
  t.equal(slugify('a'.repeat(50), 20), 'a'.repeat(20), 'a single long word is cut hard');
});

t.test('every slug slugify makes matches SLUG_PATTERN', async (t) => {
  for (const input of ['Nagorno-Karabakh', 'ÀÉÎ õü', 'Пашинян', '東京 2026', 'नमस्ते दुनिया']) {
    t.match(slugify(input), SLUG_PATTERN, input);
  }
  t.notMatch('Upper-Case', SLUG_PATTERN);
  t.notMatch('double--hyphen', SLUG_PATTERN);
});
