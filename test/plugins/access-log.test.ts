import type { FastifyBaseLogger, FastifyInstance, RawRequestDefaultExpression } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';
import t from 'tap';
import { lazyRequestLogger, loggableUrl } from '../../src/plugins/access-log.js';
import { buildTestApp } from '../helper.js';

t.test('one line per request, written when it is done', async (t) => {
  const ctx = await buildTestApp(t);
  const before = ctx.logs.length;
  const res = await ctx.inject({ url: '/v1/articles?limit=2', headers: { 'x-request-id': 'one-line-1' } });
  const lines = ctx.logs.slice(before);
  t.equal(lines.length, 1);
  t.match(lines[0], {
    level: 30,
    msg: 'request completed',
    request_id: 'one-line-1',
    method: 'GET',
    url: '/v1/articles?limit=2',
    status: res.statusCode,
    response_time_ms: Number,
    ip: '127.0.0.1',
  });
});

t.test('probes and scrapes log nothing while they succeed', async (t) => {
  const ctx = await buildTestApp(t);
  const before = ctx.logs.length;
  await ctx.inject({ url: '/health/live' });
  await ctx.inject({ url: '/health/ready' });
  await ctx.inject({ url: '/metrics', headers: ctx.admin });
  t.equal(ctx.logs.length, before);
});

t.test('credential-like query values are masked; everything else is kept', async (t) => {
  t.equal(loggableUrl('/v1/articles'), '/v1/articles');
  t.equal(loggableUrl('/v1/search?q=csto&limit=5'), '/v1/search?q=csto&limit=5');
  t.equal(loggableUrl('/feeds/articles.json?api_key=abc&tag=x&token=def'), '/feeds/articles.json?api_key=[redacted]&tag=x&token=[redacted]');
  t.equal(loggableUrl('/x?Access_Token=abc'), '/x?Access_Token=[redacted]');
});

t.test("a request's own logger is made only when the request logs something of its own", async (t) => {
  const made: { bindings: Bindings; options: ChildLoggerOptions }[] = [];
  const lines: unknown[][] = [];
  const child = { level: 'warn', info: (...args: unknown[]) => lines.push(['info', ...args]), error: (...args: unknown[]) => lines.push(['error', ...args]) };
  const parent = { level: 'info', child: (bindings: Bindings, options: ChildLoggerOptions) => (made.push({ bindings, options }), child) } as unknown as FastifyBaseLogger;

  const logger = lazyRequestLogger.call({} as FastifyInstance, parent, { request_id: 'r-1' }, { level: 'warn' }, {} as RawRequestDefaultExpression);
  t.equal(logger.level, 'warn', "the route's level, read without making the logger");
  logger.silent('nothing');
  t.equal(made.length, 0, 'nothing made while nothing is logged');

  logger.error({ code: 'x' }, 'failed');
  logger.info('more');
  t.same(made, [{ bindings: { request_id: 'r-1' }, options: { level: 'warn' } }], 'made once, with the request id bound and the route level');
  t.same(lines, [['error', { code: 'x' }, 'failed'], ['info', 'more']], 'each line goes to it as logged');

  const unleveled = lazyRequestLogger.call({} as FastifyInstance, parent, { request_id: 'r-2' }, {}, {} as RawRequestDefaultExpression);
  t.equal(unleveled.level, 'info', "without a route level, the parent's");

  // A plugin that sets the level or asks for a child of its own gets them from the made logger.
  const grandchild = { level: 'debug' } as FastifyBaseLogger;
  (child as unknown as { child: () => FastifyBaseLogger }).child = () => grandchild;
  const adjusted = lazyRequestLogger.call({} as FastifyInstance, parent, { request_id: 'r-3' }, {}, {} as RawRequestDefaultExpression);
  adjusted.level = 'error';
  t.equal(child.level, 'error', 'setting the level makes the logger and sets it there');
  t.equal(adjusted.level, 'error');
  t.equal(adjusted.child({ part: 'x' }), grandchild, 'a child is asked of the made logger');
  t.equal(made.length, 2, 'one logger made for that request');
});
