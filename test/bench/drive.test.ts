import t from 'tap';
import { rowOptions, turns } from '../../bench/drive.js';

t.test('write rows warm up for their own time, read rows for the common one', async (t) => {
  const run = { connections: 10, duration: 10, warmup: 3, writeWarmup: 10, slice: 2 };
  t.same(rowOptions({ write: false }, run), run);
  t.same(rowOptions({ write: true }, run), { connections: 10, duration: 10, warmup: 10, writeWarmup: 10, slice: 2 });
});

t.test('servers measured side by side take turns, each first as often, until each has had the duration', async (t) => {
  const plan = turns(2, 10, 2);
  t.same(
    plan.map((turn) => turn.server),
    [0, 1, 1, 0, 0, 1, 1, 0, 0, 1],
  );
  t.ok(plan.every((turn) => turn.seconds === 2));
  const seconds = (server: number, of: typeof plan) => of.filter((turn) => turn.server === server).reduce((sum, turn) => sum + turn.seconds, 0);
  t.equal(seconds(0, plan), 10);
  t.equal(seconds(1, plan), 10);

  const uneven = turns(2, 3, 2);
  t.same(uneven, [
    { server: 0, seconds: 2 },
    { server: 1, seconds: 2 },
    { server: 1, seconds: 1 },
    { server: 0, seconds: 1 },
  ], 'the last turn is what is left of the duration');
  t.same(turns(2, 0.4, 0.2).map((turn) => turn.seconds), [0.2, 0.2, 0.2, 0.2], 'fractions of a second add up without a sliver of a turn');
  t.same(turns(1, 3, 1), [
    { server: 0, seconds: 1 },
    { server: 0, seconds: 1 },
    { server: 0, seconds: 1 },
  ], 'one server alone: its duration in turns');
});
