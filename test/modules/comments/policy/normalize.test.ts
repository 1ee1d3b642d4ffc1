import t from 'tap';
import { duplicateKey, foldForMatching, prepareComment } from '../../../../src/modules/comments/policy/normalize.js';

t.test('folding for matching: compatibility forms, invisible characters, case, apostrophes, spaces', async (t) => {
  t.equal(foldForMatching('ＹＯＵ are'), 'you are', 'fullwidth letters');
  t.equal(foldForMatching('id\u200Biot \u202Eyou'), 'idiot you', 'zero-width space and bidi override dropped');
  t.equal(foldForMatching('You’re ‘right’'), "you're 'right'");
  t.equal(foldForMatching('  one \n\n two\tthree  '), 'one two three');
  t.equal(foldForMatching('Пашинян ПОДАЛ'), 'пашинян подал', 'other scripts are lowercased too');
});

t.test('a comment under review carries its body, its folded text and its reader’s context', async (t) => {
  t.same(prepareComment('You  ARE', { readerHasApprovedHistory: false }), {
    body: 'You  ARE',
    folded: 'you are',
    context: { readerHasApprovedHistory: false },
  });
});

t.test('duplicate keys ignore case, spacing, punctuation, symbols and accents', async (t) => {
  const key = duplicateKey('Great article! Thanks.');
  t.equal(key, 'great article thanks');
  const variants = [
    'great   article thanks',
    'GREAT ARTICLE, THANKS!!!',
    'Great article 👍 thanks',
    'Gréat árticle — thanks…',
    'Great\u200B article\nthanks',
  ];
  for (const variant of variants) {
    t.equal(duplicateKey(variant), key, variant);
  }
  t.not(duplicateKey('Great article, thanks again'), key, 'a changed word is a different comment');
});

t.test('duplicate keys keep other scripts readable', async (t) => {
  t.equal(duplicateKey('Спасибо, отличная статья!'), 'спасибо отличная статья');
  t.equal(duplicateKey('Շնորհակալություն։'), 'շնորհակալություն');
  t.equal(duplicateKey('感谢这篇文章。'), '感谢这篇文章');
  t.equal(duplicateKey('  ?!  '), '', 'nothing but punctuation');
});
