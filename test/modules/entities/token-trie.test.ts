import t from 'tap';
import { createTokenTrie } from '../../../src/modules/entities/extract/token-trie.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

const found = (trie: ReturnType<typeof createTokenTrie<string>>, text: string) => {
  const tokens = tokenize(text);
  return trie.find(tokens).map((hit) => `${hit.value}:${tokens.slice(hit.start, hit.end).map((x) => x.text).join(' ')}`);
};

t.test('the longest phrase wins, leftmost first, without overlaps', async (t) => {
  const trie = createTokenTrie<string>();
  trie.insert('Security Council', 'short');
  trie.insert('Collective Security Council', 'long');
  trie.insert('Council', 'word');
  t.same(found(trie, 'the Collective Security Council and the Security Council met a Council'), ['long:Collective Security Council', 'short:Security Council', 'word:Council']);
});

t.test('a shorter phrase is used when the longer one does not fit the text', async (t) => {
  const trie = createTokenTrie<string>();
  trie.insert('New York', 'city');
  trie.insert('New York Times', 'paper');
  t.same(found(trie, 'New York times'), ['city:New York'], 'the capital of "Times" is required');
});

t.test('acronyms need capitals, names need a capital, lower-case words match any case', async (t) => {
  const trie = createTokenTrie<string>();
  trie.insert('US', 'us');
  trie.insert('Shell', 'shell');
  trie.insert('Jeroen van der Veer', 'person');
  t.same(found(trie, 'tell us about the shell'), []);
  t.same(found(trie, 'US and SHELL and Jeroen Van Der Veer'), ['us:US', 'shell:SHELL', 'person:Jeroen Van Der Veer']);
});

t.test('matches never cross a line break', async (t) => {
  const trie = createTokenTrie<string>();
  trie.insert('South Caucasus', 'region');
  t.same(found(trie, 'South\nCaucasus'), []);
});

t.test('among entries of one phrase, the lowest rank wins', async (t) => {
  const trie = createTokenTrie<string>();
  trie.insert('Georgia', 'alias', 1);
  trie.insert('Georgia', 'name', 0);
  t.same(found(trie, 'Georgia'), ['name:Georgia']);
});

t.test('lookup answers for an exact token range only', async (t) => {
  const trie = createTokenTrie<string>();
  trie.insert('Central Asia', 'region');
  const tokens = tokenize('Central Asia and Asia');
  t.equal(trie.lookup(tokens, 0, 2), 'region');
  t.equal(trie.lookup(tokens, 3, 4), undefined);
  t.equal(trie.lookup(tokens, 0, 1), undefined);
});

t.test('deleting an entry leaves the others on the same path', async (t) => {
  const trie = createTokenTrie<string>();
  const keys = trie.insert('Collective Security Council', 'a');
  trie.insert('Collective Security Council', 'b');
  trie.insert('Collective Security', 'c');
  trie.delete(keys ?? [], 'a');
  t.same(found(trie, 'Collective Security Council'), ['b:Collective Security Council']);
  trie.delete(keys ?? [], 'b');
  t.same(found(trie, 'Collective Security Council'), ['c:Collective Security']);
  trie.delete(['collective', 'nothing'], 'c');
  t.same(found(trie, 'Collective Security Council'), ['c:Collective Security']);
  t.equal(trie.insert('  ', 'blank'), undefined, 'a blank phrase is not inserted');
  t.equal(trie.insert('—', 'dash'), undefined, 'nor punctuation alone');
  t.same(found(trie, 'a — b'), []);
});
