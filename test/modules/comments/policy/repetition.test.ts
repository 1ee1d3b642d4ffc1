import t from 'tap';
import { prepareComment } from '../../../../src/modules/comments/policy/normalize.js';
import { checkRepetition } from '../../../../src/modules/comments/policy/repetition.js';

const repetition = (body: string) => checkRepetition(prepareComment(body, { readerHasApprovedHistory: true }));

t.test('long runs of one character are held', async (t) => {
  t.equal(repetition('Really!!!!!!!!!!'), '"!" repeated 10 times');
  t.equal(repetition('soooooooooo true'), '"o" repeated 10 times');
  t.ok(repetition('hmm......... ok'));
  t.ok(repetition('ааааааа'), 'in any script');
});

t.test('a word over and over is held', async (t) => {
  t.equal(repetition('spam spam spam spam spam'), '"spam" repeated 5 times in a row');
  t.equal(repetition('Spam SPAM spam spam spam spam'), '"spam" repeated 6 times in a row', 'whatever the case');
  t.ok(repetition('нет нет нет нет нет'));
});

t.test('ordinary emphasis and numbers pass', async (t) => {
  for (const text of [
    'sooooo true!!!!!',
    'very very very good',
    'no, no, no and no',
    'The budget is 1000000 drams.',
    '   indented   text   ',
    'Hahahaha, good one.',
    'spam spam spam spam',
    '',
  ]) {
    t.equal(repetition(text), undefined, text);
  }
});
