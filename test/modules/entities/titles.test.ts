import t from 'tap';
import { continuesName, titleEnd } from '../../../src/modules/entities/extract/titles.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const title = (text: string, from = 0) => {
  const tokens = tokenize(text);
  return tokens.slice(from, titleEnd(tokens, from, tokens.length)).map((x) => x.text).join(' ');
};

t.test('titles, honorifics and their prefixes', async (t) => {
  t.equal(title('President Serzh Sarkisian'), 'President');
  t.equal(title('Deputy Prime Minister Mher Grigoryan'), 'Deputy Prime Minister');
  t.equal(title('Secretary-General Nikolai Bordyuzha'), 'Secretary-General');
  t.equal(title('Sir Philip Watts'), 'Sir');
  t.equal(title('Mr. Putin'), 'Mr.');
  t.equal(title('PM Modi'), 'PM');
  t.equal(title('Chief Executive Dave Calhoun'), 'Chief Executive');
  t.equal(title('Senate Majority Leader Chuck Schumer'), 'Senate Majority Leader');
  t.equal(title('President-elect Smith'), 'President', '"-elect" is split off the word');
  t.equal(title('Director-General Tedros'), 'Director-General');
});

t.test('"of" and "for" extend a title over its domain', async (t) => {
  t.equal(title('Minister of Foreign Affairs Edward Nalbandian'), 'Minister of Foreign Affairs');
  t.equal(title('Minister of Defense Seyran Ohanian'), 'Minister of Defense');
  t.equal(title('Secretary of State Antony Blinken'), 'Secretary of State');
  t.equal(title('Chancellor of the Exchequer Rachel Reeves'), 'Chancellor of the Exchequer');
  t.equal(title('President of Armenia'), 'President', 'a country is not a domain');
});

t.test('no title where none starts', async (t) => {
  t.equal(title('Collective Security Council'), '');
  t.equal(title('Foreign Affairs Edward'), '');
  t.equal(title('president Putin'), '', 'lower case is a role word, not a title');
});

t.test("compromise's roles are titles only before a full name", async (t) => {
  t.equal(title('Analyst John Smith'), 'Analyst');
  t.equal(title('Spirit AeroSystems said'), '');
});

t.test('words that go on a body or place name', async (t) => {
  const [motors, assembly, nikolai] = tokenize('Motors Assembly Nikolai');
  t.ok(continuesName(motors));
  t.ok(continuesName(assembly));
  t.notOk(continuesName(nikolai));
  t.notOk(continuesName(undefined));
});
