import t from 'tap';
import type { Segment } from '../../../src/modules/entities/extract/analysis-text.js';
import { salience } from '../../../src/modules/entities/extract/salience.js';

const segments: Segment[] = [
  { kind: 'title', start: 0, end: 50 },
  { kind: 'standfirst', start: 52, end: 150 },
  { kind: 'body', start: 152, end: 1000 },
];

t.test('the headline, the standfirst, an early start and frequency raise salience', async (t) => {
  const headline = salience([0, 300, 600], segments, 1000, 3);
  const standfirst = salience([60, 300, 600], segments, 1000, 3);
  const early = salience([160, 300, 600], segments, 1000, 3);
  const late = salience([900], segments, 1000, 3);
  t.equal(salience([0, 60, 300], segments, 1000, 3), 1, 'headline, standfirst, first and most mentioned');
  t.ok(headline > standfirst && standfirst > early && early > late);
  t.ok(salience([900, 950], segments, 1000, 3) > late, 'more mentions weigh more');
});

t.test('salience stays within 0..1', async (t) => {
  t.equal(salience([], segments, 1000, 3), 0);
  t.equal(salience([10], segments, 0, 1), 0);
  for (const offsets of [[0], [999], [0, 60, 160, 500, 900]]) {
    const value = salience(offsets, segments, 1000, 5);
    t.ok(value >= 0 && value <= 1);
  }
});
