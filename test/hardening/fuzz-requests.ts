import { readFileSync } from 'node:fs';
import fc, { type Arbitrary } from 'fast-check';
import type { InjectOptions } from 'fastify';
import { fromSchema, HOSTILE_STRINGS, hostileValue } from './arbitraries.js';
import { securityOf, type Operation, type Parameter } from './contract.js';
import { CREDENTIALS, type Credential, type Seeded } from './seed.js';

const WIRE_COPY = readFileSync(new URL('../fixtures/csto-summit.txt', import.meta.url), 'utf8');

/** One generated request, printable as fast-check's counterexample. */
export interface FuzzRequest {
  credential: Credential;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** The ids and slugs of real rows that a parameter of this operation may name. */
function knownValues(operation: Operation, seeded: Seeded) {
  const p = seeded.pools;
  const articles = [...p.articleIds, ...p.articleSlugs];
  const entities = [...p.entityIds, ...p.entitySlugs];
  return (name: string): string[] => {
    if (name === 'id') {
      if (operation.path.startsWith('/v1/articles/')) return articles;
      if (operation.path.startsWith('/v1/entities/')) return entities;
      if (operation.path.includes('/comments/')) return p.commentIds;
      if (operation.path.includes('/readers/')) return p.readerIds;
      if (operation.path.startsWith('/v1/keys/')) return p.keyIds;
    }
    if (name === 'name') {
      if (operation.path.includes('/sections/')) return p.sections;
      if (operation.path.includes('/tags/')) return p.tags;
      return entities;
    }
    const byName: Record<string, string[]> = {
      entity_id: entities,
      entity: entities,
      into: entities,
      article: articles,
      reader: p.readerIds,
      comment: p.commentIds,
      thread: p.commentIds,
      parent_id: p.commentIds,
      section: p.sections,
      tag: p.tags,
      'if-match': ['"r1-c0-p"', '"r2-c0-d"', '*', 'W/"r1-c0-p"', '"r1-'],
    };
    return byName[name] ?? [];
  };
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value) ?? String(value));

// Lone surrogates cannot be percent-encoded (a client sends U+FFFD for them, as this does).
const encode = (text: string) => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

// Header values must be sendable at all: anything outside printable ASCII goes percent-encoded.
const headerSafe = (value: string) => (/^[\t\x20-\x7e]*$/.test(value) ? value : encode(value));

/**
 * A path segment: percent-encoded, or now and then raw so "%2e%2e%2f" reaches the router as
 * such. Empty and dot segments are suffixed: URL parsers resolve them away before sending.
 */
function pathSegment(text: string, raw: boolean): string {
  const segment = raw && /^[\x21-\x7e]+$/.test(text) && !/[/?#]/.test(text) ? text : encode(text);
  return /^(?:\.|%2e){0,2}$/i.test(segment) ? `${segment}x` : segment;
}

type Generation = Parameters<typeof fromSchema>[1];

function parameterArbitrary(parameter: Parameter, generation: Generation): Arbitrary<unknown> {
  const value = fromSchema(parameter.schema, generation, parameter.name);
  return parameter.required ? value : fc.option(value, { nil: undefined, freq: 2 });
}

const TRANSPORT_CONTENT_TYPES = ['application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', ''];

/** The body of a request: as documented most of the time, else malformed, mistyped, empty or oversized. */
function bodyArbitrary(operation: Operation, generation: Generation, bodyLimit: number): Arbitrary<{ type?: string; payload?: string }> {
  const documented = operation.requestBody?.content ?? {};
  const [type, media] = Object.entries(documented)[0] ?? [];
  const hostile = fc.oneof(
    fc.record({ type: fc.constantFrom(...TRANSPORT_CONTENT_TYPES), payload: fc.constantFrom('{"title":', '', 'null', '[]', '"x"', '{}', 'x'.repeat(bodyLimit + 1)) }),
    fc.record({ type: fc.constantFrom(...TRANSPORT_CONTENT_TYPES), payload: hostileValue.map(asText) }),
  );
  if (!type) return generation.hostile ? fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: hostile, weight: 1 }) : fc.constant({});
  const valid =
    type === 'text/plain'
      ? fc.oneof(fc.constant(WIRE_COPY), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 400 })).map((text) => ({ type, payload: text }))
      : fromSchema(media?.schema ?? {}, generation).map((value) => ({ type, payload: JSON.stringify(value) ?? 'null' }));
  return generation.hostile ? fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostile, weight: 1 }) : valid;
}

// The credential an operation is meant for, so that generated requests get past its guard.
const INTENDED: Record<ReturnType<typeof securityOf>, Credential> = {
  public: 'none',
  'optional-staff': 'none',
  staff: 'admin',
  reader: 'reader',
  metrics: 'admin',
};

/**
 * Requests for one operation: half of them valid throughout (boundary values included), half
 * with hostile values anywhere; with the credential the operation is meant for or any other.
 */
export function requestArbitrary(operation: Operation, seeded: Seeded, bodyLimit: number): Arbitrary<FuzzRequest> {
  const known = knownValues(operation, seeded);
  const ofKind = (where: Parameter['in']) => operation.parameters.filter((parameter) => parameter.in === where);
  const parts = (hostile: boolean) => {
    const generation = { known, hostile };
    const record = (params: Parameter[]) => fc.record(Object.fromEntries(params.map((p) => [p.name, parameterArbitrary(p, generation)])));
    return fc.record({
      credential: fc.oneof(fc.constant(INTENDED[securityOf(operation)]), fc.constantFrom(...CREDENTIALS)),
      path: record(ofKind('path')),
      rawPath: fc.boolean(),
      query: record(ofKind('query')),
      header: record(ofKind('header')),
      body: bodyArbitrary(operation, generation, bodyLimit),
    });
  };
  return fc
    .oneof(parts(false), parts(true))
    .map(({ credential, path, rawPath, query, header, body }) => {
      const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => pathSegment(asText(path[name]), rawPath));
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) search.append(name, asText(item));
      }
      const headers: Record<string, string> = { ...seeded.headers[credential] };
      for (const [name, value] of Object.entries(header)) if (value !== undefined) headers[name] = headerSafe(asText(value));
      if (body.type) headers['content-type'] = body.type;
      const qs = search.toString();
      const request: FuzzRequest = { credential, method: operation.method, url: qs ? `${url}?${qs}` : url, headers, ...(body.payload === undefined ? {} : { payload: body.payload }) };
      return Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(request) });
    });
}

const clip = (text: string) => (text.length > 300 ? `${JSON.stringify(text.slice(0, 300))}… (${text.length} characters)` : JSON.stringify(text));

/** A request as a counterexample prints it: long values clipped, the credential named. */
export function describeRequest(request: FuzzRequest): string {
  const { authorization: _credential, ...headers } = request.headers;
  const body = request.payload === undefined ? '' : `\n  body ${clip(request.payload)}`;
  return `${request.method} ${clip(request.url)} as ${request.credential}\n  headers ${JSON.stringify(headers)}${body}`;
}

export const toInject = (request: FuzzRequest): InjectOptions => ({
  method: request.method as InjectOptions['method'],
  url: request.url,
  headers: request.headers,
  ...(request.payload === undefined ? {} : { payload: request.payload }),
});
