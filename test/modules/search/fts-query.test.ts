import t from 'tap';
import { toFtsQuery } from '../../../src/modules/search/fts-query.js';

t.test('words become quoted terms that must all match', async (t) => {
  t.same(toFtsQuery('csto summit'), { match: '"csto" "summit"', terms: ['csto', 'summit'] });
});

t.test('phrases, prefixes and joined words', async (t) => {
  t.equal(toFtsQuery('"collective security" council')?.match, '"collective security" "council"');
  t.equal(toFtsQuery('sarkis*')?.match, '"sarkis"*');
  t.equal(toFtsQuery('Nagorno-Karabakh')?.match, '"Nagorno Karabakh"');
  t.equal(toFtsQuery("ITAR-TASS's")?.match, '"ITAR TASS s"');
});

t.test('FTS syntax and hostile input are searched as words, never passed through', async (t) => {
  t.equal(toFtsQuery('war AND peace')?.match, '"war" "AND" "peace"');
  t.equal(toFtsQuery('NEAR(a b)')?.match, '"NEAR a" "b"', 'NEAR( is a plain word');
  t.equal(toFtsQuery('"lone quote')?.match, '"lone" "quote"', 'an unbalanced quote is a separator');
  t.equal(toFtsQuery('title:secret')?.match, '"title secret"', 'no column filters');
  t.equal(toFtsQuery("'; drop table articles; --")?.match, '"drop" "table" "articles"');
  t.equal(toFtsQuery('*')?.match, undefined);
  t.equal(toFtsQuery('   '), null);
  t.equal(toFtsQuery('"" ** -- ()'), null);
  t.equal(toFtsQuery('Пашинян отставка')?.match, '"Пашинян" "отставка"', 'any script');
});

t.test('very long queries are capped', async (t) => {
  const query = toFtsQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
  t.equal(query?.match.split(' ').length, 16);
});
