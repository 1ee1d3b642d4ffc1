import t from 'tap';
import { rowOptions } from '../../bench/drive.js';

t.test('write rows warm up for their own time, read rows for the common one', async (t) => {
  const run = { connections: 10, duration: 10, warmup: 3, writeWarmup: 10 };
  t.same(rowOptions({ write: false }, run), run);
  t.same(rowOptions({ write: true }, run), { connections: 10, duration: 10, warmup: 10, writeWarmup: 10 });
});
