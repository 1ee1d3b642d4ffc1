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

// What every response carries, HTML pages included. The API answers JSON, so its
// Content-Security-Policy allows nothing. Resources may be read cross-origin: feeds and public
// articles are meant to be embedded.
const SHARED_POLICY = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  xFrameOptions: { action: 'deny' },
} satisfies HelmetOptions;

// API responses leave off the headers that govern a page a browser renders, not JSON or a feed
// (OWASP's REST Security Cheat Sheet keeps the ones above). Those seven headers, ~250 bytes,
// were most of a 304, and past ~20 headers Fastify's header object turns into a slow
// dictionary: without them the server answered 7–18 % more conditional GETs a second.
const API_POLICY: HelmetOptions = {
  ...SHARED_POLICY,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** Security headers, CORS and response compression for every route. */
export const httpSecurityPlugin = fp(async (app: FastifyInstance, opts: HttpSecurityOptions) => {
  const apiHeaders = headersOf(API_POLICY);
  // The HTML pages under /docs get helmet's whole set; swagger-ui replaces the policy there with
  // its own, narrower-than-default one (@fastify/swagger-ui `staticCSP`).
  const documentHeaders = headersOf(SHARED_POLICY);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/docs') ? documentHeaders : apiHeaders);
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
