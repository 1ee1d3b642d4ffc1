import t from 'tap';
import { missingParents, nest } from '../../../src/modules/comments/threads.js';

const item = (seq: number, parentSeq: number | null, createdAt: number) => ({ seq, parentSeq, createdAt });

t.test('nests replies under their parents, oldest first, keeping the order of the top level', async (t) => {
  const tree = nest([item(9, null, 900), item(1, null, 100), item(4, 1, 400), item(2, 1, 200), item(3, 2, 300), item(5, 2, 300)]);
  t.same(tree.map((node) => node.seq), [9, 1]);
  t.same(tree[1]?.replies.map((node) => node.seq), [2, 4]);
  t.same(tree[1]?.replies[0]?.replies.map((node) => node.seq), [3, 5], 'equal times fall back to the sequence');
});

t.test('names the parents that are referred to but absent', async (t) => {
  t.same(missingParents([item(1, null, 1), item(3, 2, 3), item(4, 2, 4), item(5, 1, 5)]), [2]);
  t.same(missingParents([]), []);
});
