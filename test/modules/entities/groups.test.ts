import t from 'tap';
import { absorb, addMention, bestType, newGroup } from '../../../src/modules/entities/extract/groups.js';

t.test('the type with the most evidence wins; a tie is no type', async (t) => {
  const group = newGroup();
  t.same(bestType(group), [null, 0]);
  addMention(group, { start: 0, end: 1, type: 'place', weight: 3 });
  addMention(group, { start: 5, end: 6, type: 'organization', weight: 2 });
  addMention(group, { start: 9, end: 10, type: 'organization', weight: 2 });
  t.same(bestType(group), ['organization', 4]);
  addMention(group, { start: 12, end: 13, type: 'place', weight: 1 });
  t.same(bestType(group), [null, 4]);
  addMention(group, { start: 14, end: 15, type: null, weight: 0 });
  t.equal(group.mentions.length, 5);
});

t.test('a known entity fixes the type', async (t) => {
  const group = newGroup();
  addMention(group, { start: 0, end: 1, type: 'place', weight: 30 });
  addMention(group, { start: 2, end: 3, type: 'organization', weight: 10, known: { id: 'k', name: 'Kremlin', type: 'organization', aliases: [] }, canonical: null });
  t.same(bestType(group), ['organization', Infinity]);
  t.equal(group.canonical, null);
});

t.test('absorbing moves mentions, evidence and short forms, and drops the absorbed group', async (t) => {
  const person = newGroup();
  const surname = newGroup();
  addMention(person, { start: 0, end: 2, type: 'person', weight: 3 });
  addMention(surname, { start: 7, end: 8, type: null, weight: 0, canonical: 'X' });
  surname.shortForms.set('x', 'X');
  const groups = [person, surname];
  absorb(groups, person, surname);
  t.same(groups, [person]);
  t.equal(person.mentions.length, 2);
  t.equal(person.canonical, 'X');
  t.same([...person.shortForms.keys()], ['x']);
  absorb(groups, person, person);
  t.same(groups, [person], 'absorbing itself changes nothing');
  const place = newGroup();
  addMention(place, { start: 20, end: 21, type: 'place', weight: 3 });
  absorb([person, place], person, place, 'person');
  t.same(person.scores, { person: 3, organization: 0, place: 0 }, 'only the evidence for the given type moves');
});
