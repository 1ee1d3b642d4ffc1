import t from 'tap';
import { newId } from '../../src/lib/ids.js';

t.test('new ids are distinct UUIDv7s in creation order, across refills of the random pool', async (t) => {
  const ids = Array.from({ length: 5000 }, () => newId());
  t.ok(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)), 'version 7, RFC 9562 variant');
  t.equal(new Set(ids).size, ids.length, 'no id repeats');
  t.same([...ids].sort(), ids, 'each sorts after the one before');
  const stamp = Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16);
  t.ok(Math.abs(stamp - Date.now()) < 60_000, 'the leading 48 bits are the time in ms');
});
