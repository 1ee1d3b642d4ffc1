import { readFileSync } from 'node:fs';
import t from 'tap';
import { renderOpenApiDocument } from '../src/openapi-document.js';
import { buildTestApp } from './helper.js';

const committedPath = new URL('../openapi/openapi.json', import.meta.url);

t.test('the committed openapi/openapi.json is current (run `npm run openapi` after changing routes)', async (t) => {
  const generated = await renderOpenApiDocument();
  t.equal(readFileSync(committedPath, 'utf8'), generated);
});

t.test('every operation has a summary, an operationId, its security and its error responses', async (t) => {
  const document = JSON.parse(readFileSync(committedPath, 'utf8'));
  t.equal(document.openapi, '3.1.0');
  const ids = new Set<string>();
  for (const [path, operations] of Object.entries<Record<string, Record<string, unknown>>>(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      t.type(operation.summary, 'string', `${name} has a summary`);
      t.type(operation.operationId, 'string', `${name} has an operationId`);
      t.notOk(ids.has(operation.operationId as string), `${name} operationId is unique`);
      ids.add(operation.operationId as string);
      t.ok(Array.isArray(operation.security), `${name} declares its security`);
      const responses = Object.keys(operation.responses as object);
      if (!path.startsWith('/health')) {
        t.ok(responses.some((status) => status.startsWith('4')), `${name} documents its error responses`);
      }
      for (const status of responses.filter((s) => s.startsWith('4'))) {
        const content = (operation.responses as Record<string, { content: object }>)[status]?.content;
        t.ok(content && 'application/problem+json' in content, `${name} ${status} is problem+json`);
      }
    }
  }
});

t.test('the document and the interactive docs are served', async (t) => {
  const ctx = await buildTestApp(t);
  const served = await ctx.inject({ url: '/openapi.json' });
  t.equal(served.statusCode, 200);
  t.same(served.json().paths, JSON.parse(readFileSync(committedPath, 'utf8')).paths);
  const docs = await ctx.inject({ url: '/docs/' });
  t.equal(docs.statusCode, 200);
  t.match(docs.headers['content-type'], /text\/html/);
});

t.test('statuses that plugins answer before a handler runs are documented wherever they can happen', async (t) => {
  const document = JSON.parse(readFileSync(committedPath, 'utf8'));
  for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, { content?: object }> }>>(document.paths)) {
    for (const [method, { responses }] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      t.ok(responses['401'], `${name}: a bad credential is a 401 on every route`);
      if (method !== 'get') t.ok(responses['400'] && responses['413'] && responses['415'], `${name}: it parses a body`);
      if (path.includes('{')) t.ok(responses['400'], `${name}: a malformed path is a 400`);
      const shedding = path !== '/health/live' && path !== '/metrics';
      t.equal(Boolean(responses['503']), shedding, `${name}: 503 where load is shed`);
    }
  }
  t.same(Object.keys(document.paths['/health/ready'].get.responses['503'].content), ['application/json', 'application/problem+json'], 'readiness: its checks, or shed');
  t.ok(document.paths['/v1/articles'].get.responses['404'], 'an unknown entity filter is a 404');
});
