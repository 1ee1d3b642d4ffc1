import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { buildTestApp } from '../helper.js';

/** Keeps the event loop busy, as a burst of synchronous work would. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

t.test('while the event loop lags, requests are shed with 503 + Retry-After; probes and metrics still answer', async (t) => {
  const ctx = await buildTestApp(t, { env: { MAX_EVENT_LOOP_DELAY_MS: '1' } });
  // The lag is sampled about once a second: block across a sample, then ask until the sample
  // has been taken (the wait is a guard, not a timing assertion).
  block(1200);
  let shed = await ctx.inject({ url: '/v1/articles' });
  for (let waited = 0; shed.statusCode !== 503 && waited < 10_000; waited += 20) {
    await sleep(20);
    shed = await ctx.inject({ url: '/v1/articles' });
  }
  t.equal(shed.statusCode, 503);
  t.equal(shed.headers['retry-after'], '10');
  t.equal(shed.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(shed.json(), { code: 'overloaded', status: 503 });
  const logged = ctx.logs.filter((line) => line.request_id === shed.headers['x-request-id'] && line.code === 'overloaded');
  t.match(logged, [{ level: 40 }], 'a shed request is one warning, not an error');
  t.notOk(logged.some((line) => 'err' in line), 'with no stack trace');
  t.equal((await ctx.inject({ url: '/health/live' })).statusCode, 200, 'liveness answers');
  t.equal((await ctx.inject({ url: '/metrics', headers: ctx.admin })).statusCode, 200, 'metrics answer');
});

t.test('MAX_EVENT_LOOP_DELAY_MS=0 never sheds', async (t) => {
  const ctx = await buildTestApp(t, { env: { MAX_EVENT_LOOP_DELAY_MS: '0' } });
  t.notOk('memoryUsage' in ctx.app, 'no load monitor is installed');
  t.equal((await ctx.inject({ url: '/v1/articles' })).statusCode, 200);
});
