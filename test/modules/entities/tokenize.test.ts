import t from 'tap';
import { spanText, tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const texts = (input: string) => tokenize(input).map((token) => token.text);

t.test('tokens keep their offsets in the text as given', async (t) => {
  const text = 'MOSCOW (ITAR-TASS)—The leaders';
  for (const token of tokenize(text)) t.equal(text.slice(token.start, token.end), token.text);
  t.same(texts(text), ['MOSCOW', '(', 'ITAR-TASS', ')', '—', 'The', 'leaders']);
});

t.test('words keep inner hyphens, apostrophes, ampersands and periods', async (t) => {
  t.same(texts("O’Brien of AT&T met U.S. envoys in Nagorno–Karabakh"), ["O’Brien", 'of', 'AT&T', 'met', 'U.S.', 'envoys', 'in', 'Nagorno–Karabakh']);
});

t.test('possessives and "X-based" compounds split off the name', async (t) => {
  t.same(texts('the CSTO’s and Council\'s plans'), ['the', 'CSTO', '’s', 'and', 'Council', "'s", 'plans']);
  t.same(texts('a Glasgow-based, Kremlin-backed firm'), ['a', 'Glasgow', '-based', ',', 'Kremlin', '-backed', 'firm']);
  t.same(texts('Co-operation and Armenian-Azerbaijani'), ['Co-operation', 'and', 'Armenian-Azerbaijani']);
  const [word, possessive] = tokenize("Shell's");
  t.equal(word?.isWord, true);
  t.equal(possessive?.isWord, false);
});

t.test('abbreviations keep their period and do not end the sentence', async (t) => {
  const tokens = tokenize('Mr. Smith met Dr. Jones. The end');
  t.same(tokens.map((x) => x.text), ['Mr.', 'Smith', 'met', 'Dr.', 'Jones', '.', 'The', 'end']);
  t.same(tokens.filter((x) => x.sentenceStart).map((x) => x.text), ['Mr.', 'The']);
  t.equal(tokens[0]?.key, 'mr');
});

t.test('a company suffix or an initialism may end a sentence', async (t) => {
  const tokens = tokenize('He joined Acme Inc. The firm grew. It left the U.S. Then');
  t.same(tokens.filter((x) => x.sentenceStart).map((x) => x.text), ['He', 'The', 'It', 'Then']);
});

t.test('capitals, all-capitals and lines', async (t) => {
  const tokens = tokenize('CSTO said\n\nal-Burhan and US aid');
  const by = (text: string) => tokens.find((x) => x.text === text);
  t.equal(by('CSTO')?.upper, true);
  t.equal(by('said')?.cap, false);
  t.equal(by('al-Burhan')?.cap, true, 'a name behind a lower-case Arabic article');
  t.equal(by('al-Burhan')?.lineStart, true);
  t.equal(by('al-Burhan')?.sentenceStart, true);
  t.equal(by('US')?.upper, true);
  t.equal(by('and')?.lineStart, false);
});

t.test('quotes and colons', async (t) => {
  const tokens = tokenize('He said: “The documents” matter! Why? Because');
  t.same(tokens.filter((x) => x.sentenceStart).map((x) => x.text), ['He', 'The', 'Why', 'Because']);
});

t.test('span text keeps the spacing of the original', async (t) => {
  const text = 'Collective  Security Council said';
  const tokens = tokenize(text);
  t.equal(spanText(text, tokens, 0, 3), 'Collective  Security Council');
  t.equal(spanText(text, tokens, 2, 2), '');
});
