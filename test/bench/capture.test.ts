import t from 'tap';
import { brotliDecompressSync } from 'node:zlib';
import { responseKey } from '../../bench/baseline.js';
import { captureResponses } from '../../bench/capture.js';
import type { Endpoint } from '../../bench/endpoints.js';
import { createArticle } from '../factories.js';
import { buildTestApp } from '../helper.js';

// The baseline answers each request with what Dateline sent for it: a request that asks for
// brotli must be answered with Dateline's brotli bytes, and never with the plain ones.
t.test('a compressed read is captured compressed, under its own key', async (t) => {
  const ctx = await buildTestApp(t);
  for (let i = 0; i < 10; i++) await createArticle(ctx, { status: 'published', title: `Quartz bulletin ${i}` });
  const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const feed = (headers: Record<string, string>): Endpoint => ({
    name: 'feed',
    write: false,
    expect: 200,
    target: { kind: 'none' },
    request: { method: 'GET', path: '/feeds/articles.json', headers },
  });
  const [plain, compressed] = await captureResponses(url, [feed({}), feed({ 'accept-encoding': 'gzip, deflate, br' })]);
  if (!plain || !compressed) throw new Error('nothing captured');
  t.equal(plain.headers['content-encoding'], undefined, 'autocannon asks for no compression unless told');
  t.equal(compressed.headers['content-encoding'], 'br');
  t.equal(brotliDecompressSync(Buffer.from(compressed.body, 'base64')).toString(), Buffer.from(plain.body, 'base64').toString());
  t.not(plain.key, compressed.key);
  t.equal(compressed.key, responseKey('GET', '/feeds/articles.json', { 'accept-encoding': 'gzip, deflate, br' }), 'the key the baseline looks up');
  t.equal(plain.key, responseKey('GET', '/feeds/articles.json', {}));
});
