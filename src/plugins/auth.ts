import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized, withProblemResponses } from '../lib/problem.js';
import { hashSecret } from '../lib/secrets.js';
import type { Role } from '../lib/vocabulary.js';

/** Who is calling: a staff API key, a reader token, the metrics scraper, or nobody (null). */
export type Principal =
  | { kind: 'staff'; keyId: string; role: Role }
  | { kind: 'reader'; readerId: string }
  | { kind: 'scraper' };

/** Finds the principal a bearer secret belongs to, or null when it is unknown or revoked. */
export type CredentialResolver = (secret: string) => Principal | null;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/**
 * Resolves `Authorization: Bearer <secret>` once per request. A credential that is present
 * but malformed, unknown or revoked is a 401 even on public routes, so a client never
 * mistakes a broken key for anonymous access.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { resolve: CredentialResolver }) => {
  app.decorateRequest('principal', null);
  // Any route, public ones and probes included, answers a bad credential: say so in its contract.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    route.schema = { ...route.schema, response: withProblemResponses(route.schema.response, 401) };
  });
  // With `done`, not async: anonymous reads, the most common request, cost no promise here.
  // Fastify answers an error thrown here as it does one from an async hook.
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = BEARER.exec(header);
      if (!match) throw unauthorized('The Authorization header must be "Bearer <secret>"');
      const principal = opts.resolve(match[1] as string);
      if (!principal) throw unauthorized('The credential is unknown or has been revoked');
      request.principal = principal;
    }
    done();
  });
});

export const isStaff = (request: FastifyRequest, ...roles: Role[]): boolean => {
  const p = request.principal;
  return p?.kind === 'staff' && (p.role === 'admin' || roles.includes(p.role));
};

/** The API key id of a staff caller, recorded as the actor of what it changes. */
export const staffKeyId = (request: FastifyRequest): string | null =>
  request.principal?.kind === 'staff' ? request.principal.keyId : null;

/** Route guard (an onRequest hook, so it runs before the body is even read): only staff keys with one of `roles`; admin always passes. */
export function requireRole(...roles: Role[]): onRequestAsyncHookHandler {
  return async (request) => {
    if (!request.principal) throw unauthorized('This operation needs an API key');
    if (!isStaff(request, ...roles)) {
      throw forbidden(`This operation needs an API key with role ${['admin', ...roles].join(' or ')}`);
    }
  };
}

/**
 * Lets the METRICS_TOKEN secret through as the scraper, which may read /metrics and nothing
 * else; every other secret goes to `resolve`. Compared in constant time.
 */
export function withMetricsToken(token: string | undefined, resolve: CredentialResolver): CredentialResolver {
  if (token === undefined) return resolve;
  const expected = Buffer.from(hashSecret(token), 'hex');
  return (secret) => (timingSafeEqual(Buffer.from(hashSecret(secret), 'hex'), expected) ? { kind: 'scraper' } : resolve(secret));
}

/** Route guard for /metrics: the scraper's METRICS_TOKEN or an admin key. */
export const requireMetricsAccess: onRequestAsyncHookHandler = async (request) => {
  if (!request.principal) throw unauthorized('Metrics need the METRICS_TOKEN or an admin API key');
  if (request.principal.kind !== 'scraper' && !isStaff(request)) throw forbidden('Metrics need the METRICS_TOKEN or an admin API key');
};

/** Route guard: only readers (with their token). */
export const requireReader: onRequestAsyncHookHandler = async (request) => {
  if (!request.principal) throw unauthorized('This operation needs a reader token');
  if (request.principal.kind !== 'reader') throw forbidden('This operation needs a reader token');
};

/** The reader calling a route guarded by requireReader. */
export function readerIdOf(request: FastifyRequest): string {
  if (request.principal?.kind !== 'reader') throw unauthorized('This operation needs a reader token');
  return request.principal.readerId;
}

/** OpenAPI security requirements, one name per kind of credential. */
export const SECURITY = {
  staff: [{ apiKey: [] }],
  reader: [{ readerToken: [] }],
  optionalStaff: [{}, { apiKey: [] }],
  metrics: [{ metricsToken: [] }, { apiKey: [] }],
  public: [],
} as const;
