import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { keptValues } from '../lib/kept-values.js';
import { Problem, withProblemResponses } from '../lib/problem.js';

export interface RateLimitOptions {
  /** Requests per window for each anonymous IP address and each credential. */
  max: number;
  /** Requests per window for each syndication key: partners poll feeds often. */
  syndicationMax: number;
  windowMs: number;
}

// Orchestrators must be able to probe a process that clients are flooding.
const EXEMPT = /^\/health\//;

// Addresses whose normal form is kept. Working out an IPv6 address's /64 parses it twice (the
// library's normalizeIP: ~10 µs, ~7 µs for an IPv4-mapped one, a quarter of a cached read), on
// every request, and clients come back: a news site's readers, its partners' pollers.
const ADDRESSES_KEPT = 10_000;

/**
 * The function that names a request's budget: a credential counts on its own wherever it comes
 * from; anonymous callers count per address (IPv6: per /64).
 */
function clientKeys(): (request: FastifyRequest) => string {
  const normalized = keptValues<string>(ADDRESSES_KEPT);
  return (request) => {
    const principal = request.principal;
    if (principal?.kind === 'staff') return `key:${principal.keyId}`;
    if (principal?.kind === 'reader') return `reader:${principal.readerId}`;
    const { ip } = request;
    return normalized(ip, () => `ip:${normalizeIP(ip)}`);
  };
}

/**
 * Per-client request budgets with the IETF RateLimit-Limit/-Remaining/-Reset headers, and a
 * 429 problem with Retry-After beyond them. Registered after authentication so the key is
 * known (a bad credential is a 401 before it counts). Counters live in this process.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: RateLimitOptions) => {
  // Every limited route can answer 429: say so in its contract, where clients read it. The
  // probes are left out when their route is made (the library adds no hook to them), rather
  // than asked about on every request.
  app.addHook('onRoute', (route) => {
    if (EXEMPT.test(route.url)) {
      route.config = { ...route.config, rateLimit: false };
      return;
    }
    if (!route.schema || route.schema.hide) return;
    route.schema = { ...route.schema, response: withProblemResponses(route.schema.response, 429) };
  });
  const seconds = Math.ceil(opts.windowMs / 1000);
  await app.register(fastifyRateLimit, {
    max: (request) =>
      request.principal?.kind === 'staff' && request.principal.role === 'syndication' ? opts.syndicationMax : opts.max,
    timeWindow: opts.windowMs,
    keyGenerator: clientKeys(),
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'rate-limited', 'Too many requests', `The limit is ${context.max} requests per ${seconds} s; retry in ${context.after}`),
  });
});
