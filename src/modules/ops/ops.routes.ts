import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/client.js';
import { problemResponses } from '../../lib/problem.js';
import { jsonResponse } from '../../lib/schemas.js';
import { requireMetricsAccess, SECURITY } from '../../plugins/auth.js';
import { checkReadiness } from './readiness.js';
import type { StatsService } from './stats.service.js';
import { createStoreMetrics } from './store-metrics.js';

const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.record(z.string(), z.string()).optional().describe('What was checked and its state'),
  })
  .meta({ id: 'Health' });

// Probes and scrapes come every few seconds: they log only when something goes wrong.
const POLLED = { logLevel: 'warn' } as const;

/** Liveness, readiness, metrics and the API document, for orchestrators and tooling. */
export const opsRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle; stats: StatsService }> = async (app, { database, stats }) => {
  const storeMetrics = createStoreMetrics(app.metrics, stats);

  app.get('/health/live', {
    ...POLLED,
    config: { servedUnderPressure: true },
    schema: {
      operationId: 'healthLive',
      summary: 'The process is up',
      description: 'Answers even while the server sheds load.',
      tags: ['ops'],
      security: SECURITY.public,
      response: { 200: jsonResponse(Health, 'The process is up') },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  });

  app.get('/health/ready', {
    ...POLLED,
    schema: {
      operationId: 'healthReady',
      summary: 'The database is reachable, not locked and fully migrated',
      description: 'A 503 names the failing check: `database` is `missing`, `locked` or `unreachable`, or `migrations` are pending.',
      tags: ['ops'],
      security: SECURITY.public,
      response: { 200: jsonResponse(Health, 'Ready to serve'), 503: jsonResponse(Health, 'Not ready; checks say why') },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { ok, checks } = checkReadiness(database);
      if (!ok) request.log.warn({ checks }, 'not ready');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  });

  app.get('/metrics', {
    ...POLLED,
    config: { servedUnderPressure: true },
    preHandler: requireMetricsAccess,
    schema: {
      operationId: 'metrics',
      summary: 'Prometheus metrics (text exposition format)',
      description:
        'Request counts and latency by route and status, event-loop lag and process figures, database size, ' +
        'and counts of what is stored. Needs the `METRICS_TOKEN` secret (for the scraper) or an admin API key.',
      tags: ['ops'],
      security: SECURITY.metrics,
      response: {
        200: { description: 'Metrics in the Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
        ...problemResponses(401, 403),
      },
    },
    handler: async (_request, reply) => {
      storeMetrics.refresh();
      const body = await app.metrics.metrics();
      return reply.header('cache-control', 'no-store').type(app.metrics.contentType).serializer((payload: string) => payload).send(body);
    },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
