import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';

/** A JSON Schema as the committed document spells it (OpenAPI 3.1: JSON Schema 2020-12). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

interface MediaType {
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  /** The OpenAPI path template, e.g. /v1/articles/{id}. */
  path: string;
  operationId: string;
  security: Record<string, string[]>[];
  parameters: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

export const documentUrl = new URL('../../openapi/openapi.json', import.meta.url);
export const apiDocument = JSON.parse(readFileSync(documentUrl, 'utf8')) as {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Every operation of the committed contract, in document order. */
export const operations: Operation[] = Object.entries(apiDocument.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path, parameters: op.parameters ?? [] })),
);

/** Follows a local `$ref` into components.schemas. */
export function deref(schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = apiDocument.components.schemas[name];
    if (!target) throw new Error(`dangling $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
// ajv-formats is CommonJS: under NodeNext its plugin function is the module's `default`.
ajvFormats.default(ajv);
ajv.addSchema({ $id: 'dateline:components', components: apiDocument.components });

const compiled = new Map<JsonSchema, ValidateFunction>();
function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"dateline:components#/components/'));
    validate = ajv.compile(rebased);
    compiled.set(schema, validate);
  }
  return validate;
}

const mediaTypeOf = (header: string | string[] | number | undefined) => String(header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * What is wrong with a response as the contract documents it for `operation`, or null when
 * it conforms: the status must be documented, and the body must have a documented media
 * type and match its schema (XML feeds must be well-formed; bodiless statuses are empty).
 */
export function contractViolation(operation: Operation, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `server error ${res.statusCode}: ${res.body.slice(0, 500)}`;
  const documented = operation.responses[String(res.statusCode)];
  if (!documented) return `status ${res.statusCode} is not documented (${res.body.slice(0, 300)})`;
  const contents = documented.content ?? {};
  if (Object.keys(contents).length === 0) {
    return res.body === '' ? null : `status ${res.statusCode} is documented without a body but has one`;
  }
  const type = mediaTypeOf(res.headers['content-type']);
  const media = contents[type];
  if (!media) return `content type "${type}" is not documented for ${res.statusCode} (documented: ${Object.keys(contents).join(', ')})`;
  if (type.endsWith('xml')) {
    const wellFormed = XMLValidator.validate(res.body);
    return wellFormed === true ? null : `malformed XML: ${JSON.stringify(wellFormed.err)}`;
  }
  if (!type.endsWith('json')) return null;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `body is not JSON: ${res.body.slice(0, 300)}`;
  }
  if (!media.schema) return null;
  const validate = validatorFor(media.schema);
  if (validate(body)) return null;
  return `body does not match the ${res.statusCode} schema: ${ajv.errorsText(validate.errors)}; body: ${res.body.slice(0, 500)}`;
}

/** Who may call an operation, as its `security` requirement says. */
export function securityOf(operation: Operation): 'public' | 'optional-staff' | 'staff' | 'reader' | 'metrics' {
  const names = operation.security.map((requirement) => Object.keys(requirement).join('+'));
  if (names.length === 0) return 'public';
  if (names.includes('metricsToken')) return 'metrics';
  if (names.includes('')) return 'optional-staff';
  if (names.includes('readerToken')) return 'reader';
  return 'staff';
}
