import t from 'tap';
import { isCommonWord, isFirstName, isLastName, isRoleWord, lexiconNames, lexiconTags, mayOpenName } from '../../../src/modules/entities/extract/lexicon.js';

t.test("compromise's lexicon tells ordinary words from names", async (t) => {
  t.ok(isCommonWord('speaking'));
  t.ok(isCommonWord('among'));
  t.ok(isCommonWord("i'm"), 'contractions');
  t.notOk(isCommonWord('sarkisian'), 'unknown words are not common');
  t.notOk(isCommonWord('moscow'), 'place names are not common');
  t.ok(isFirstName('yury'));
  t.notOk(isFirstName('speaking'));
  t.ok(isLastName('aliyev'));
  t.ok(isRoleWord('spokesperson'));
  t.ok(mayOpenName('royal'));
  t.notOk(mayOpenName('speaking'));
  t.notOk(mayOpenName('zzyzx'));
  t.same(lexiconTags('zzyzx'), []);
});

t.test('named entries of the lexicon feed the gazetteer', async (t) => {
  const names = lexiconNames();
  t.ok(names.some((n) => n.phrase === 'kolkata' && n.tag === 'City'));
  t.ok(names.some((n) => n.tag === 'Organization'));
});
