import t from 'tap';
import Fastify from 'fastify';
import { addVary, etagListMatches, setValidators } from '../../src/lib/http-cache.js';

t.test('If-None-Match matches by weak comparison, in a list, or with *', async (t) => {
  t.ok(etagListMatches('"v1-a"', '"v1-a"'));
  t.ok(etagListMatches('W/"v1-a"', '"v1-a"'), 'a cache may have weakened our tag');
  t.ok(etagListMatches('"x", "v1-a"', '"v1-a"'));
  t.ok(etagListMatches(' * ', '"v1-a"'));
  t.notOk(etagListMatches('"v1-b"', '"v1-a"'));
  t.notOk(etagListMatches('v1-a', '"v1-a"'), 'an unquoted tag is not ours');
  t.notOk(etagListMatches('', '"v1-a"'));
});

t.test('Last-Modified names each validator its own second, however they alternate', async (t) => {
  const app = Fastify();
  app.get('/:at', async (request, reply) => {
    setValidators(reply, { etag: '"x"', lastModified: Number((request.params as { at: string }).at) });
    return 'ok';
  });
  t.teardown(() => app.close());
  const instants = [Date.parse('2026-11-28T09:00:00.900Z'), Date.parse('2026-11-28T09:00:01Z'), Date.parse('2026-11-28T09:00:00.900Z'), 0];
  const sent = [];
  for (const at of instants) sent.push((await app.inject({ url: `/${at}` })).headers['last-modified']);
  t.same(sent, ['Sat, 28 Nov 2026 09:00:00 GMT', 'Sat, 28 Nov 2026 09:00:01 GMT', 'Sat, 28 Nov 2026 09:00:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT']);
});

t.test('Vary gains a name once, next to what is there, however often the same values come', async (t) => {
  const app = Fastify();
  app.get('/', async (request, reply) => {
    const { before } = request.query as { before?: string };
    if (before !== undefined) reply.header('vary', before);
    addVary(reply, 'Authorization');
    return 'ok';
  });
  t.teardown(() => app.close());
  const vary = async (before?: string) => (await app.inject({ url: '/', query: before === undefined ? {} : { before } })).headers.vary;
  for (let round = 0; round < 2; round++) {
    t.equal(await vary(), 'Authorization');
    t.equal(await vary('Origin'), 'Origin, Authorization');
    t.equal(await vary('Accept-Encoding, Origin'), 'Accept-Encoding, Origin, Authorization');
    t.equal(await vary('origin, authorization'), 'origin, authorization', 'already named, in any case');
    t.equal(await vary(' Origin ,, '), 'Origin, Authorization', 'empty names and spaces dropped');
  }
});
