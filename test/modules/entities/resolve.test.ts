import t from 'tap';
import { bestType } from '../../../src/modules/entities/extract/groups.js';
import type { Mention } from '../../../src/modules/entities/extract/mention.js';
import { groupMentions } from '../../../src/modules/entities/extract/resolve.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';
import type { EntityType, KnownEntity } from '../../../src/modules/entities/extract/types.js';

type Spec = [phrase: string, type: EntityType | null, extra?: Partial<Mention>];

// Groups of the mentions of each phrase (in order of appearance), as "type: forms | short forms".
const grouped = (text: string, specs: Spec[]) => {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  let from = 0;
  for (const [phrase, type, extra] of specs) {
    const words = tokenize(phrase).map((x) => x.text);
    const start = tokens.findIndex((_, i) => i >= from && words.every((w, k) => tokens[i + k]?.text === w));
    mentions.push({ start, end: start + words.length, type, weight: type ? 3 : 0, ...extra });
    from = start + words.length;
  }
  return groupMentions(text, tokens, mentions).map((g) => {
    const forms = g.mentions.map((m) => tokens.slice(m.start, m.end).map((x) => x.text).join(' '));
    return `${bestType(g)[0] ?? '?'}: ${forms.join(', ')}${g.shortForms.size ? ` | ${[...g.shortForms.values()].join(', ')}` : ''}`;
  });
};

t.test('the same wording or the same ref is one entity', async (t) => {
  t.same(grouped('Moscow and Moscow and MOSCOW', [['Moscow', 'place'], ['Moscow', null], ['MOSCOW', 'place']]), ['place: Moscow, Moscow, MOSCOW']);
  t.same(grouped('US and United States', [['US', 'place', { ref: 'gazetteer:united states' }], ['United States', 'place', { ref: 'gazetteer:united states' }]]), ['place: US, United States']);
});

t.test("a gazetteer entry joins the full name the text spells out", async (t) => {
  t.same(
    grouped('the World Health Organization and the WHO', [['World Health Organization', 'organization'], ['WHO', 'organization', { ref: 'gazetteer:world health organization', canonical: 'World Health Organization' }]]),
    ['organization: World Health Organization, WHO'],
  );
});

t.test('a ref and a wording that name two groups merge them', async (t) => {
  t.same(
    grouped('United States and US and US', [['United States', 'place', { ref: 'gazetteer:united states' }], ['US', null], ['US', 'place', { ref: 'gazetteer:united states' }]]),
    ['place: United States, US, US'],
  );
});

t.test('two known entities with one wording stay apart', async (t) => {
  const a: KnownEntity = { id: 'a', name: 'Georgia', type: 'place', aliases: [] };
  const b: KnownEntity = { id: 'b', name: 'Georgia', type: 'person', aliases: [] };
  t.same(grouped('Georgia and Georgia', [['Georgia', 'place', { known: a, ref: 'known:a' }], ['Georgia', 'person', { known: b, ref: 'known:b' }]]), ['place: Georgia', 'person: Georgia']);
});

t.test('a surname, or the name after the first name, is the person', async (t) => {
  t.same(grouped('Serzh Sarkisian spoke. Sarkisian said', [['Serzh Sarkisian', 'person'], ['Sarkisian', null]]), ['person: Serzh Sarkisian, Sarkisian | Sarkisian']);
  t.same(grouped('Sarkisian said that Serzh Sarkisian', [['Sarkisian', null], ['Serzh Sarkisian', 'person']]), ['person: Serzh Sarkisian, Sarkisian | Sarkisian'], 'even before the full name');
  t.same(grouped('Jeroen van der Veer and Mr van der Veer', [['Jeroen van der Veer', 'person'], ['van der Veer', 'person']]), ['person: Jeroen van der Veer, van der Veer | van der Veer, Veer']);
  t.same(grouped('Michael Jordan said Jordan', [['Michael Jordan', 'person'], ['Jordan', 'place']]), ['person: Michael Jordan, Jordan | Jordan'], 'a surname wins over a one-word place');
});

t.test('a family name first is the person only where it is used alone', async (t) => {
  t.same(grouped('Xi Jinping met him. Mr Xi left', [['Xi Jinping', 'person'], ['Xi', 'person']]), ['person: Xi Jinping, Xi | Jinping, Xi']);
  t.same(grouped('Carlos Pena coached', [['Carlos Pena', 'person']]), ['person: Carlos Pena | Pena']);
  t.same(grouped('Georgia May and Georgia', [['Georgia May', 'person'], ['Georgia', 'place']]), ['person: Georgia May', 'place: Georgia'], 'not over a place, and not an ordinary word');
});

t.test('a surname shared by two people goes to the one named first', async (t) => {
  t.same(grouped('Ahmad Jamal died. Sumayah Jamal said. Jamal played', [['Ahmad Jamal', 'person'], ['Sumayah Jamal', 'person'], ['Jamal', null]]), [
    'person: Ahmad Jamal, Jamal | Jamal',
    'person: Sumayah Jamal',
  ]);
});

t.test("a company without its descriptors is the company, but not a place", async (t) => {
  t.same(grouped('Huawei Technologies Co. said. Huawei rose', [['Huawei Technologies Co.', 'organization'], ['Huawei', null]]), ['organization: Huawei Technologies Co., Huawei | Huawei']);
  t.same(grouped('Alaska Airlines flew to Alaska', [['Alaska Airlines', 'organization'], ['Alaska', 'place']]), ['organization: Alaska Airlines', 'place: Alaska']);
});

t.test('an acronym used without a definition is the body it spells', async (t) => {
  t.same(grouped('the Federal Aviation Administration said. The FAA added', [['Federal Aviation Administration', 'organization'], ['FAA', 'organization']]), ['organization: Federal Aviation Administration, FAA']);
  t.same(grouped('the NTSB and the FAA', [['NTSB', null], ['FAA', null]]), ['?: NTSB', '?: FAA'], 'nothing to spell');
  t.same(
    grouped('Federal Aviation Administration and Fair Access Agency and FAA', [['Federal Aviation Administration', 'organization'], ['Fair Access Agency', 'organization'], ['FAA', null]]),
    ['organization: Federal Aviation Administration', 'organization: Fair Access Agency', '?: FAA'],
    'two bodies spell it: neither',
  );
});
