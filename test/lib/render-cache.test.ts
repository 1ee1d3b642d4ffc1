import Fastify from 'fastify';
import t from 'tap';
import { createRenderCache } from '../../src/lib/render-cache.js';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

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

t.test('a kept body is compressed once per coding the clients accept, and counted in the budget', async (t) => {
  const cache = createRenderCache({ maxEntries: 10, maxBytes: 64 * 1024 });
  const words = Array.from({ length: 600 }, (_, i) => `word${i % 97}`);
  let renders = 0;
  const app = Fastify();
  app.get('/page', async (request, reply) => {
    reply.header('vary', 'Authorization');
    return cache.send(request, reply, request.headers.authorization ? null : 'page v1', () => {
      renders += 1;
      return { payload: JSON.stringify({ words }), nextCursor: null };
    });
  });
  app.get('/small', async (request, reply) => cache.send(request, reply, 'small v1', () => ({ payload: '{"ok":true}', nextCursor: null })));
  t.teardown(() => app.close());

  const plain = await app.inject({ url: '/page' });
  t.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding, the bytes as they are');
  const identityBytes = cache.bytes;
  t.equal(identityBytes, plain.rawPayload.length);

  const browser = { 'accept-encoding': 'gzip, deflate, br' };
  const brotli = await app.inject({ url: '/page', headers: browser });
  t.equal(brotli.headers['content-encoding'], 'br', "brotli is the server's first choice");
  t.equal(brotli.headers.vary, 'Authorization, accept-encoding');
  t.equal(Number(brotli.headers['content-length']), brotli.rawPayload.length);
  t.ok(brotli.rawPayload.length < plain.rawPayload.length / 2);
  t.equal(brotliDecompressSync(brotli.rawPayload).toString(), plain.body);
  t.equal(cache.bytes, identityBytes + brotli.rawPayload.length, 'the compressed form is kept beside the body');

  const again = await app.inject({ url: '/page', headers: browser });
  t.same(again.rawPayload, brotli.rawPayload, 'the second reader gets the kept bytes');
  t.equal(cache.bytes, identityBytes + brotli.rawPayload.length, 'compressed once, not again');

  const gzipped = await app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip;q=1, br;q=0.5' } });
  t.equal(gzipped.headers['content-encoding'], 'gzip', 'the client may prefer another');
  t.equal(gunzipSync(gzipped.rawPayload).toString(), plain.body);
  t.equal(cache.bytes, identityBytes + brotli.rawPayload.length + gzipped.rawPayload.length);

  for (const headers of [{ 'accept-encoding': 'identity' }, { 'accept-encoding': 'compress' }, { ...browser, 'x-no-compression': '1' }]) {
    const raw = await app.inject({ url: '/page', headers });
    t.equal(raw.headers['content-encoding'], undefined, `${JSON.stringify(headers)}: sent as it is`);
    t.equal(raw.body, plain.body);
  }
  const staff = await app.inject({ url: '/page', headers: { ...browser, authorization: 'Bearer x' } });
  t.equal(staff.headers['content-encoding'], undefined, 'what is not kept is left to the compression plugin');
  const small = await app.inject({ url: '/small', headers: browser });
  t.equal(small.headers['content-encoding'], undefined, 'a body under the threshold is not worth compressing');
  t.equal(renders, 2, 'one render for the public, one for the unkept staff view');
});

t.test('compressed forms make room by evicting the oldest entries', async (t) => {
  const cache = createRenderCache({ maxEntries: 10, maxBytes: 5000 });
  const app = Fastify();
  // Random hex compresses to about half its size, so body and brotli form together exceed the budget.
  const body = (seed: number) => JSON.stringify({ data: Array.from({ length: 200 }, (_, i) => ((seed * 7919 + i) * 2654435761 % 2 ** 32).toString(16).padStart(8, '0')).join('') });
  app.get('/:n', async (request, reply) => {
    const n = Number((request.params as { n: string }).n);
    return cache.send(request, reply, `page ${n}`, () => ({ payload: body(n), nextCursor: null }));
  });
  t.teardown(() => app.close());
  await app.inject({ url: '/1' });
  await app.inject({ url: '/2' });
  await app.inject({ url: '/3' });
  t.equal(cache.size, 3);
  const before = cache.bytes;
  const compressed = await app.inject({ url: '/3', headers: { 'accept-encoding': 'br' } });
  t.equal(compressed.headers['content-encoding'], 'br');
  t.ok(before + compressed.rawPayload.length > 5000, 'the test needs the compressed form to overflow the budget');
  t.ok(cache.bytes <= 5000, 'the budget holds');
  t.equal(cache.get('page 1'), undefined, 'the oldest entry went');
  t.ok(cache.get('page 3')?.encoded?.br, 'the entry just read keeps its compressed form');
});

t.test("a kept page's next link is always made from the request's own URL", async (t) => {
  const cache = createRenderCache();
  const app = Fastify();
  // One key for every query: the link must still follow each request's URL.
  app.get('/list', async (request, reply) => cache.send(request, reply, 'list v1', () => ({ payload: '[]', nextCursor: 'c2' })));
  t.teardown(() => app.close());
  const links = [];
  for (const url of ['/list?section=world', '/list?section=world', '/list?section=sport&cursor=c1', '/list?section=world']) {
    links.push((await app.inject({ url })).headers.link);
  }
  t.same(links, [
    '</list?section=world&cursor=c2>; rel="next"',
    '</list?section=world&cursor=c2>; rel="next"',
    '</list?section=sport&cursor=c2>; rel="next"',
    '</list?section=world&cursor=c2>; rel="next"',
  ]);
});
