import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Problem, withProblemResponses } from '../lib/problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer even while the server sheds load (liveness, metrics: they say what is wrong). */
    servedUnderPressure?: boolean;
  }
}

const RETRY_AFTER_SECONDS = 10;

/**
 * Sheds load instead of falling over: while the event loop lags more than the limit, requests
 * get a 503 problem with Retry-After at once, before any work is done for them.
 */
export const loadSheddingPlugin = fp(async (app: FastifyInstance, opts: { maxEventLoopDelayMs: number }) => {
  // The contract is one document whatever the configuration: 503 is documented even where
  // shedding is switched off (MAX_EVENT_LOOP_DELAY_MS=0), as the tests run.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide || route.config?.servedUnderPressure) return;
    route.schema = { ...route.schema, response: withProblemResponses(route.schema.response, 503) };
  });
  if (opts.maxEventLoopDelayMs === 0) return;
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: opts.maxEventLoopDelayMs,
    retryAfter: RETRY_AFTER_SECONDS,
    pressureHandler: (request, _reply, type) => {
      if (request.routeOptions.config.servedUnderPressure) return;
      return Promise.reject(
        new Problem(503, 'overloaded', 'Service overloaded', `The server is shedding load (${type}); retry later`, undefined, {
          'retry-after': String(RETRY_AFTER_SECONDS),
        }),
      );
    },
  });
});
