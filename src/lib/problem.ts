import { z } from 'zod';

/** Where a bad value was found: the request part and the field path inside it. */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  field: string;
  message: string;
}

/**
 * An error that becomes an RFC 9457 problem response. Services throw these; the one error
 * handler renders them. `code` is stable for clients to branch on; `title` is for humans.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }
}

export const badRequest = (where: FieldError['in'], field: string, message: string) =>
  new Problem(400, 'validation-error', 'Invalid request', `${field}: ${message}`, [{ in: where, field, message }]);
export const unauthorized = (detail: string) =>
  new Problem(401, 'unauthorized', 'Authentication required', detail, undefined, { 'www-authenticate': 'Bearer' });
export const forbidden = (detail: string) => new Problem(403, 'forbidden', 'Forbidden', detail);
export const notFound = (what: string) => new Problem(404, 'not-found', 'Not found', `${what} does not exist`);
export const conflict = (code: string, detail: string) => new Problem(409, code, 'Conflict', detail);
export const preconditionFailed = (detail: string) =>
  new Problem(412, 'precondition-failed', 'Precondition failed', detail);

export const PROBLEM_TYPE_PREFIX = 'urn:dateline:problem:';

export const ProblemSchema = z
  .object({
    type: z.string().describe(`A URI naming the problem kind: ${PROBLEM_TYPE_PREFIX}<code>`),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine-readable problem code'),
    request_id: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'query', 'path', 'header']),
          field: z.string(),
          message: z.string(),
        }),
      )
      .optional()
      .describe('For validation problems: every failing field'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type ProblemBody = z.infer<typeof ProblemSchema>;

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: the problem names each bad field',
  401: 'Missing, malformed, unknown or revoked credential',
  403: 'The credential may not do this',
  404: 'No such resource (or not visible to this caller)',
  409: 'Conflicts with the current state',
  412: 'If-Match does not match the current version',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  503: 'Overloaded: retry after the Retry-After delay',
};

/** OpenAPI response entries for the problem statuses a route can answer. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

type ResponseEntry = { content?: Record<string, unknown> } & Record<string, unknown>;

/**
 * A route's responses with problem responses for `statuses` added; where the route already
 * documents a status, the problem joins its other media types instead of replacing them.
 */
export function withProblemResponses(responses: unknown, ...statuses: number[]): Record<string, unknown> {
  const merged = { ...(responses as Record<string, ResponseEntry> | undefined) };
  for (const [status, problem] of Object.entries(problemResponses(...statuses))) {
    const existing = merged[status];
    if (!existing) merged[status] = problem;
    else if (existing.content) merged[status] = { ...existing, content: { ...existing.content, ...problem.content } };
  }
  return merged;
}
