import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface HttpSecurityOptions {
  /** Browser origins allowed to call the API: none (empty), any ('*') or exactly these. */
  corsOrigins: readonly string[] | '*';
}

/**
 * Security headers, CORS and response compression for every route. The API answers JSON,
 * so its Content-Security-Policy allows nothing; /docs sets its own, narrower-than-default
 * policy for swagger-ui (@fastify/swagger-ui `staticCSP`), which takes precedence there.
 * Resources may be read cross-origin: feeds and public articles are meant to be embedded.
 */
export const httpSecurityPlugin = fp(async (app: FastifyInstance, opts: HttpSecurityOptions) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  if (opts.corsOrigins === '*' || opts.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: opts.corsOrigins === '*' ? '*' : [...opts.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', 'x-request-id'],
      exposedHeaders: ['etag', 'last-modified', 'link', 'location', 'retry-after', 'x-request-id'],
      maxAge: 600,
    });
  }
  await app.register(fastifyCompress, { threshold: 1024 });
});
