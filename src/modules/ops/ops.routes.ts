import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/client.js';
import { pendingMigrationCount } from '../../db/migrate.js';
import { jsonResponse } from '../../lib/schemas.js';
import { SECURITY } from '../../plugins/auth.js';

const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.record(z.string(), z.string()).optional().describe('What was checked and its state'),
  })
  .meta({ id: 'Health' });

/** Liveness, readiness and the API document, for orchestrators and tooling. */
export const opsRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.get('/health/live', {
    schema: {
      operationId: 'healthLive',
      summary: 'The process is up',
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
    schema: {
      operationId: 'healthReady',
      summary: 'The database is reachable and fully migrated',
      tags: ['ops'],
      security: SECURITY.public,
      response: { 200: jsonResponse(Health, 'Ready to serve'), 503: jsonResponse(Health, 'Not ready; checks say why') },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const checks = readiness(database);
      const ok = Object.values(checks).every((state) => state === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};

function readiness(database: DatabaseHandle): Record<string, string> {
  try {
    database.sqlite.prepare('select 1').get();
  } catch {
    return { database: 'unreachable' };
  }
  const pending = pendingMigrationCount(database);
  return { database: 'ok', migrations: pending === 0 ? 'ok' : `${pending} pending` };
}
