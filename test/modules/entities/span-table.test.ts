import t from 'tap';
import { createSpanTable, tokenRange } from '../../../src/modules/entities/extract/span-table.js';
import { tokenize } from '../../../src/modules/entities/extract/tokenize.js';

t.test('claimed spans are found by their first token and cover their tokens', async (t) => {
  const table = createSpanTable(6);
  table.claim({ kind: 'demonym', start: 1, end: 3 });
  t.equal(table.spans.get(1)?.end, 3);
  t.equal(table.spans.get(2), undefined);
  t.notOk(table.free(2, 4));
  t.ok(table.free(3, 6));
  t.ok(table.free(0, 1));
});

t.test('the tokens of a segment', async (t) => {
  const text = 'Title here\n\nBody text';
  const tokens = tokenize(text);
  t.same(tokenRange(tokens, { kind: 'title', start: 0, end: 10 }), [0, 2]);
  t.same(tokenRange(tokens, { kind: 'body', start: 12, end: 21 }), [2, 4]);
  t.same(tokenRange(tokens, { kind: 'body', start: 30, end: 40 }), [4, 4]);
});
