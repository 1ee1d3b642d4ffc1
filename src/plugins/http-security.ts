import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import { BROTLI_OPTIONS, COMPRESSION_THRESHOLD, RESPONSE_ENCODINGS } from '../lib/content-coding.js';

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
  const securityHeaders = headersOf({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
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
  await app.register(fastifyCompress, { threshold: COMPRESSION_THRESHOLD, encodings: [...RESPONSE_ENCODINGS], brotliOptions: BROTLI_OPTIONS });
});

/**
 * The headers helmet sets for this configuration, computed once. Nothing in it depends on the
 * request (no nonces, no per-request directives), so the values are the same every time;
 * @fastify/helmet rebuilt the whole helmet middleware on every request, which measured about a
 * quarter of the CPU time of a conditional GET. Helmet stays the source of the values.
 */
function headersOf(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
