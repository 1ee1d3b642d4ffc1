import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, PROBLEM_TYPE_PREFIX, Problem, type ProblemBody, withProblemResponses } from '../lib/problem.js';

const PART_NAMES: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

// Fastify's own client errors, renamed into stable problem codes (and statuses, where Fastify's mislead).
const FASTIFY_CODES: Record<string, { code: string; title: string; status?: number }> = {
  FST_ERR_BAD_URL: { code: 'bad-url', title: 'Malformed URL' },
  // Fastify says 414, which is about the whole URI; a path segment longer than any id or slug is bad input.
  FST_ERR_MAX_PARAM_LENGTH: { code: 'bad-url', title: 'Malformed URL', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload-too-large', title: 'Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed-json', title: 'Malformed JSON body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed-json', title: 'Malformed JSON body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad-content-length', title: 'Invalid Content-Length' },
};

/** Renders any problem as RFC 9457 `application/problem+json`. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  const body: ProblemBody = {
    type: `${PROBLEM_TYPE_PREFIX}${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    instance: request.url,
    request_id: request.id,
  };
  if (problem.detail !== undefined) body.detail = problem.detail;
  if (problem.errors) body.errors = problem.errors;
  // Validators set before the failure describe a representation this reply does not carry,
  // and a cached error would outlive its cause (a 404 for an article about to go live).
  reply.removeHeader('etag');
  reply.removeHeader('last-modified');
  reply.header('cache-control', 'no-store');
  if (problem.headers) reply.headers(problem.headers);
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(body);
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = PART_NAMES[error.validationContext ?? 'body'] ?? 'body';
    const errors = error.validation.map((issue) => ({
      in: where,
      field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
      message: issue.message ?? 'is invalid',
    }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new Problem(400, 'validation-error', 'Invalid request', detail, errors);
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  const status = known?.status ?? error.statusCode ?? 500;
  if (known) return new Problem(status, known.code, known.title, error.message);
  if (status >= 400 && status < 500) return new Problem(status, 'bad-request', 'Bad request', error.message);
  return new Problem(500, 'internal-error', 'Internal server error', 'The server failed to handle this request; it has been logged.');
}

/**
 * Fastify's `frameworkErrors` option: URLs the router rejects before any route is found
 * (bad percent-encoding, an over-long path segment) answer the same problem shape as the
 * rest. No onRequest hook runs for them, so the request id is echoed here.
 */
export const renderFrameworkError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(request, reply.header('x-request-id', request.id), toProblem(error));

// Methods whose request body Fastify parses (DELETE only when it has a content type).
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One error handler and one not-found handler for the whole app. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  // Statuses any route can answer before its handler runs, documented where they can happen:
  // 400 where a request part is validated or a body parsed, 413 and 415 where a body is parsed.
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema || schema.hide) return;
    const methods = [route.method].flat();
    const statuses = methods.some((method) => BODY_METHODS.has(method)) ? [400, 413, 415] : [];
    if (schema.params || schema.querystring || schema.headers || route.url.includes(':')) statuses.push(400);
    if (statuses.length > 0) route.schema = { ...schema, response: withProblemResponses(schema.response, ...statuses) };
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new Problem(404, 'not-found', 'Not found', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
});
