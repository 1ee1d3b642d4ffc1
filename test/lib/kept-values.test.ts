import t from 'tap';
import { keptValues } from '../../src/lib/kept-values.js';

t.test('a value is worked out once per key, and the oldest kept goes first at the limit', async (t) => {
  const computed: string[] = [];
  const kept = keptValues<string>(2);
  const value = (key: string) => kept(key, () => (computed.push(key), key.toUpperCase()));
  t.same([value('a'), value('a'), value('b'), value('c'), value('b'), value('a')], ['A', 'A', 'B', 'C', 'B', 'A']);
  t.same(computed, ['a', 'b', 'c', 'a'], 'a was dropped for c and worked out again; b was still kept');
});
