import t from 'tap';
import { etagListMatches } from '../../src/lib/http-cache.js';

t.test('If-None-Match matches by weak comparison, in a list, or with *', async (t) => {
  t.ok(etagListMatches('"v1-a"', '"v1-a"'));
  t.ok(etagListMatches('W/"v1-a"', '"v1-a"'), 'a cache may have weakened our tag');
  t.ok(etagListMatches('"x", "v1-a"', '"v1-a"'));
  t.ok(etagListMatches(' * ', '"v1-a"'));
  t.notOk(etagListMatches('"v1-b"', '"v1-a"'));
  t.notOk(etagListMatches('v1-a', '"v1-a"'), 'an unquoted tag is not ours');
  t.notOk(etagListMatches('', '"v1-a"'));
});
