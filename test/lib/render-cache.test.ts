import Fastify from 'fastify';
import t from 'tap';
import { createRenderCache } from '../../src/lib/render-cache.js';

const rendered = (body: string) => ({ body: Buffer.from(body), nextCursor: null });
const bodyOf = (entry: { body: Buffer } | undefined) => entry?.body.toString();

t.test('the least recently used entry leaves first when the entry budget is full', async (t) => {
  const cache = createRenderCache({ maxEntries: 2, maxBytes: 1000 });
  cache.set('a', rendered('A'));
  cache.set('b', rendered('B'));
  t.equal(bodyOf(cache.get('a')), 'A', 'reading a makes b the oldest');
  cache.set('c', rendered('C'));
  t.equal(cache.get('b'), undefined);
  t.equal(bodyOf(cache.get('a')), 'A');
  t.equal(bodyOf(cache.get('c')), 'C');
  t.equal(cache.size, 2);
});

t.test('the size budget evicts old bodies and refuses one too big to keep', async (t) => {
  const cache = createRenderCache({ maxEntries: 100, maxBytes: 10 });
  cache.set('a', rendered('12345'));
  cache.set('b', rendered('12345'));
  cache.set('c', rendered('123'));
  t.equal(cache.get('a'), undefined, 'a went to make room');
  t.ok(cache.get('b') && cache.get('c'));
  cache.set('huge', rendered('x'.repeat(11)));
  t.equal(cache.get('huge'), undefined);
  t.equal(cache.size, 2, 'nothing else was evicted for it');
});

t.test('send renders once per key, never keeps a null key, and sets the Link header either way', async (t) => {
  const cache = createRenderCache();
  let renders = 0;
  const app = Fastify();
  // A declared response schema serializes the body, and drops what it does not name.
  const schema = { type: 'object', properties: { data: { type: 'array', items: { type: 'number' } } } };
  app.get('/list', { schema: { response: { 200: { content: { 'application/json': { schema } } } } } }, async (request, reply) => {
    const key = request.headers.authorization ? null : 'list v1';
    return cache.send(request, reply, key, () => {
      renders += 1;
      return { payload: { data: [renders], internal: 'secret' }, nextCursor: 'next' };
    });
  });
  t.teardown(() => app.close());
  const first = await app.inject({ url: '/list' });
  const second = await app.inject({ url: '/list' });
  t.same([first.json(), second.json()], [{ data: [1] }, { data: [1] }], 'the second answer is the kept body');
  t.match(second.headers.link, /rel="next"/);
  t.match(second.headers['content-type'], /^application\/json/);
  const staff = await app.inject({ url: '/list', headers: { authorization: 'Bearer x' } });
  const again = await app.inject({ url: '/list', headers: { authorization: 'Bearer x' } });
  t.same([staff.json(), again.json()], [{ data: [2] }, { data: [3] }], 'a null key renders every time');
  t.equal(cache.size, 1);
});
