import t from 'tap';
import { toDraft } from '../../../src/modules/entities/extract/draft.js';
import { addMention, newGroup } from '../../../src/modules/entities/extract/groups.js';
import type { Mention } from '../../../src/modules/entities/extract/mention.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const at = (tokens: ReturnType<typeof tokenize>, phrase: string, extra: Partial<Mention> = {}): Mention => {
  const words = phrase.split(' ');
  const start = tokens.findIndex((_, i) => words.every((w, k) => tokens[i + k]?.text === w));
  return { start, end: start + words.length, type: 'organization', weight: 3, ...extra };
};

t.test('the fullest form names the entity; the other full forms are aliases', async (t) => {
  const text = 'The CSTO met. The Collective Security Treaty Organization (CSTO) said.';
  const tokens = tokenize(text);
  const group = newGroup();
  addMention(group, at(tokens, 'CSTO'));
  addMention(group, at(tokens, 'Collective Security Treaty Organization'));
  const draft = toDraft(text, tokens, group, 'organization');
  t.equal(draft.name, 'Collective Security Treaty Organization');
  t.same(draft.aliases, ['CSTO']);
});

t.test('a short form of a person is neither the name nor an alias', async (t) => {
  const text = 'Sarkisian said Serzh Sarkisian';
  const tokens = tokenize(text);
  const group = newGroup();
  addMention(group, at(tokens, 'Sarkisian', { type: 'person' }));
  addMention(group, at(tokens, 'Serzh Sarkisian', { type: 'person' }));
  group.shortForms.set('sarkisian', 'Sarkisian');
  const draft = toDraft(text, tokens, group, 'person');
  t.equal(draft.name, 'Serzh Sarkisian');
  t.same(draft.aliases, []);
  t.same(draft.shortForms, ['Sarkisian']);
});

t.test('shouted forms give way to written ones or to the gazetteer name', async (t) => {
  const text = 'MOSCOW and Moscow';
  const tokens = tokenize(text);
  const both = newGroup();
  addMention(both, at(tokens, 'MOSCOW', { type: 'place' }));
  addMention(both, at(tokens, 'Moscow', { type: 'place' }));
  t.equal(toDraft(text, tokens, both, 'place').name, 'Moscow');
  const shouted = newGroup();
  addMention(shouted, at(tokens, 'MOSCOW', { type: 'place', canonical: 'Moscow' }));
  t.equal(toDraft(text, tokens, shouted, 'place').name, 'Moscow');
  const displayed = newGroup();
  addMention(displayed, at(tokens, 'MOSCOW', { type: 'place', display: 'Moskva' }));
  t.equal(toDraft(text, tokens, displayed, 'place').name, 'Moskva');
});

t.test('the gazetteer name is kept as an alias', async (t) => {
  const text = 'US officials';
  const tokens = tokenize(text);
  const group = newGroup();
  addMention(group, at(tokens, 'US', { type: 'place', canonical: 'United States' }));
  t.same(toDraft(text, tokens, group, 'place').aliases, ['United States']);
});

t.test('a known entity keeps its name; only new forms become aliases', async (t) => {
  const text = 'CSTO and ODKB';
  const tokens = tokenize(text);
  const known = { id: 'k', name: 'Collective Security Treaty Organization', type: 'organization' as const, aliases: ['ODKB'] };
  const group = newGroup();
  addMention(group, at(tokens, 'CSTO', { known }));
  addMention(group, at(tokens, 'ODKB', { known }));
  const draft = toDraft(text, tokens, group, 'organization');
  t.equal(draft.name, 'Collective Security Treaty Organization');
  t.equal(draft.known, known);
  t.same(draft.aliases, ['CSTO']);
});
