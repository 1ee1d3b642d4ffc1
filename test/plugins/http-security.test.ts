import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { buildTestApp } from '../helper.js';

// Headers for a page a browser renders: /docs sends them, JSON and feed responses do not.
const DOCUMENT_ONLY = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

t.test('API responses carry security headers and a CSP that allows nothing', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({ url: '/v1/articles' });
  t.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['x-frame-options'], 'DENY');
  t.match(res.headers['strict-transport-security'], /max-age=\d+/);
  t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', 'public content may be embedded elsewhere');
  for (const name of DOCUMENT_ONLY) t.equal(res.headers[name], undefined, `${name} governs pages, not JSON: left off`);
  const problem = await ctx.inject({ url: '/v1/nothing' });
  t.equal(problem.headers['x-content-type-options'], 'nosniff', 'problems too');
});

t.test('/docs keeps working under its own CSP (swagger-ui loads only its own scripts)', async (t) => {
  const ctx = await buildTestApp(t);
  const page = await ctx.inject({ url: '/docs/' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.equal(page.headers['referrer-policy'], 'no-referrer', 'an HTML page gets the headers for documents');
  for (const name of DOCUMENT_ONLY) t.ok(page.headers[name], `${name} is set on the page`);
  t.equal(page.headers['x-frame-options'], 'DENY');
  const csp = page.headers['content-security-policy'] as string;
  t.match(csp, /default-src 'self'/);
  t.match(csp, /script-src 'self'/);
  t.notMatch(csp, /unsafe-eval/);
  const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string);
  t.ok(scripts.length > 0, 'the page loads scripts');
  for (const src of scripts) {
    t.notMatch(src, /^https?:/, `${src} is served by Dateline itself`);
    const script = await ctx.inject({ url: new URL(src, 'http://x/docs/').pathname });
    t.equal(script.statusCode, 200, `${src} is served`);
  }
});

t.test('no CORS headers unless origins are configured', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({ url: '/v1/articles', headers: { origin: 'https://www.example.com' } });
  t.equal(res.headers['access-control-allow-origin'], undefined);
});

t.test('CORS_ORIGINS lets exactly those origins call the API from a browser', async (t) => {
  const ctx = await buildTestApp(t, { env: { CORS_ORIGINS: 'https://www.example.com, https://app.example.com' } });
  const allowed = await ctx.inject({ url: '/v1/articles', headers: { origin: 'https://app.example.com' } });
  t.equal(allowed.headers['access-control-allow-origin'], 'https://app.example.com');
  t.match(allowed.headers['access-control-expose-headers'], /etag/);
  t.match(allowed.headers['access-control-expose-headers'], /link/);
  t.match(allowed.headers.vary, /origin/i);
  const other = await ctx.inject({ url: '/v1/articles', headers: { origin: 'https://evil.example' } });
  t.equal(other.headers['access-control-allow-origin'], undefined);

  const preflight = await ctx.inject({
    method: 'OPTIONS',
    url: '/v1/articles',
    headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-origin'], 'https://www.example.com');
  t.match(preflight.headers['access-control-allow-methods'], /POST/);
  t.match(preflight.headers['access-control-allow-headers'], /authorization/);
});

t.test('CORS_ORIGINS=* opens the API to any origin', async (t) => {
  const ctx = await buildTestApp(t, { env: { CORS_ORIGINS: '*' } });
  const res = await ctx.inject({ url: '/v1/articles', headers: { origin: 'https://anyone.example' } });
  t.equal(res.headers['access-control-allow-origin'], '*');
});

t.test('large responses are compressed for clients that accept it', async (t) => {
  const ctx = await buildTestApp(t);
  const plain = await ctx.inject({ url: '/openapi.json' });
  const gzipped = await ctx.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
  t.equal(gzipped.headers['content-encoding'], 'gzip');
  t.match(gzipped.headers.vary, /accept-encoding/i);
  t.equal(gunzipSync(gzipped.rawPayload).toString('utf8'), plain.body);
  const brotli = await ctx.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'br' } });
  t.equal(brotli.headers['content-encoding'], 'br');
  const small = await ctx.inject({ url: '/health/live', headers: { 'accept-encoding': 'gzip' } });
  t.equal(small.headers['content-encoding'], undefined, 'tiny bodies are not worth compressing');
});

t.test('TRUST_PROXY decides whose X-Forwarded-For is believed', async (t) => {
  const direct = await buildTestApp(t);
  await direct.inject({ url: '/v1/articles', headers: { 'x-forwarded-for': '203.0.113.9' } });
  t.equal(direct.logs.find((line) => line.msg === 'request completed')?.ip, '127.0.0.1', 'by default the peer address is logged');

  const proxied = await buildTestApp(t, { env: { TRUST_PROXY: 'loopback' } });
  await proxied.inject({ url: '/v1/articles', headers: { 'x-forwarded-for': '203.0.113.9' } });
  t.equal(proxied.logs.find((line) => line.msg === 'request completed')?.ip, '203.0.113.9', 'behind a trusted proxy the client is');
});
