import t from 'tap';
import { createEntityMatcher } from '../../../src/modules/entities/extract/entity-matcher.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';
import type { KnownEntity } from '../../../src/modules/entities/extract/types.js';

const matched = (matcher: ReturnType<typeof createEntityMatcher>, text: string) => {
  const tokens = tokenize(text);
  return matcher.match(tokens).map((hit) => `${hit.value.id}:${tokens.slice(hit.start, hit.end).map((x) => x.text).join(' ')}`);
};

const csto: KnownEntity = { id: 'csto', name: 'Collective Security Treaty Organization', type: 'organization', aliases: ['CSTO'] };
const council: KnownEntity = { id: 'council', name: 'Collective Security Council', type: 'organization', aliases: [] };

t.test('names and aliases match as whole words, the longest first', async (t) => {
  const matcher = createEntityMatcher([csto, council, { id: 'security', name: 'Security', type: 'organization', aliases: [] }]);
  t.same(matched(matcher, 'The Collective Security Council of the CSTO'), ['council:Collective Security Council', 'csto:CSTO']);
  t.same(matched(matcher, 'CSTOs and NCSTO and Securityness'), [], 'no match inside a word');
  t.same(matched(matcher, "the CSTO's and CSTO’s plans"), ['csto:CSTO', 'csto:CSTO'], 'possessives count as the name');
});

t.test('case and punctuation are folded: curly quotes, dashes, diacritics', async (t) => {
  const matcher = createEntityMatcher([
    { id: 'nk', name: 'Nagorno-Karabakh', type: 'place', aliases: [] },
    { id: 'ob', name: "Conan O'Brien", type: 'person', aliases: [] },
    { id: 'pena', name: 'Carlos Peña', type: 'person', aliases: [] },
  ]);
  t.same(matched(matcher, 'NAGORNO–KARABAKH, Conan O’Brien and Carlos Pena'), ['nk:NAGORNO–KARABAKH', "ob:Conan O’Brien", 'pena:Carlos Pena']);
  t.same(matched(matcher, 'nagorno-karabakh'), [], 'a capitalized name needs its capitals');
});

t.test('entities are added, renamed and removed while the matcher is in use', async (t) => {
  const matcher = createEntityMatcher([csto]);
  t.equal(matcher.size, 1);
  matcher.add({ id: 'tass', name: 'ITAR-TASS', type: 'organization', aliases: ['TASS'] });
  t.same(matched(matcher, 'ITAR-TASS and TASS and CSTO'), ['tass:ITAR-TASS', 'tass:TASS', 'csto:CSTO']);
  matcher.add({ id: 'tass', name: 'TASS', type: 'organization', aliases: [] });
  t.same(matched(matcher, 'ITAR-TASS and TASS'), ['tass:TASS'], 'a rename drops the old name');
  t.equal(matcher.get('tass')?.name, 'TASS');
  t.equal(matcher.remove('tass'), true);
  t.equal(matcher.remove('tass'), false);
  t.same(matched(matcher, 'TASS and CSTO'), ['csto:CSTO']);
  t.equal(matcher.size, 1);
  t.equal(matcher.get('tass'), undefined);
});

t.test('the stored entity is a copy the caller cannot change', async (t) => {
  const entity: KnownEntity = { id: 'x', name: 'Yerevan', type: 'place', aliases: ['Erevan'] };
  const matcher = createEntityMatcher([entity]);
  entity.aliases.push('Jerewan');
  t.same(matcher.get('x')?.aliases, ['Erevan']);
  t.throws(() => (matcher.get('x')?.aliases as string[]).push('Erivan'));
});

t.test('an alias shared with another entity loses to that entity\'s name', async (t) => {
  const matcher = createEntityMatcher([
    { id: 'state', name: 'Georgia State', type: 'place', aliases: ['Georgia'] },
    { id: 'country', name: 'Georgia', type: 'place', aliases: [] },
  ]);
  t.same(matched(matcher, 'Georgia'), ['country:Georgia']);
});

t.test('ten thousand entities build and match', async (t) => {
  const known: KnownEntity[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `e${i}`, name: `Person Number${i} Smith`, type: 'person', aliases: [`PN${i}`] }));
  const matcher = createEntityMatcher(known);
  t.equal(matcher.size, 10_000);
  t.same(matched(matcher, 'Person Number9999 Smith met PN42 and Person Number'), ['e9999:Person Number9999 Smith', 'e42:PN42']);
});
