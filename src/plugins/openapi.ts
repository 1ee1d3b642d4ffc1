import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../lib/version.js';


/**
 * The zod registry yields an input and an output variant of every named schema; keep only
 * the components that some operation (or another kept component) actually references.
 */
function pruneUnusedSchemas<T extends { paths?: unknown; components?: { schemas?: object } }>(document: T): T {
  const schemas = document.components?.schemas as Record<string, unknown> | undefined;
  if (!schemas) return document;
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const name = child.replace('#/components/schemas/', '');
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(document.paths);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}

const DESCRIPTION = `Dateline is a headless news backend: articles, the entities they name, reader comments under a
discussion policy, and feeds for partners.

Conventions: JSON with snake_case fields; ISO 8601 UTC timestamps; lists answer
\`{ "data": [...], "next_cursor": ... }\` and an RFC 8288 \`Link: <…>; rel="next"\` header (keyset
pagination with \`limit\` ≤ 100 and an opaque \`cursor\`); errors are RFC 9457
\`application/problem+json\` naming each bad field. Credentials travel as \`Authorization: Bearer <secret>\`.`;

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * and serialize responses, served at /openapi.json with interactive docs at /docs.
 */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dateline API',
        version: VERSION,
        description: DESCRIPTION,
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'articles', description: 'Store, publish and read articles' },
        { name: 'search', description: 'Full-text search over published articles' },
        { name: 'feeds', description: 'Syndication: JSON Feed, RSS and Atom, per-article JSON-LD and ninjs, the change feed' },
        { name: 'readers', description: 'Readers who comment, with their tokens' },
        { name: 'comments', description: 'Reader comments under the discussion policy, flags and counts' },
        { name: 'moderation', description: 'The moderation queue, decisions, blocks and the audit log (moderator)' },
        { name: 'keys', description: 'Staff API keys (admin)' },
        { name: 'ops', description: 'Health and metrics' },
      ],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'Staff API key: admin, editor, moderator or syndication' },
          readerToken: { type: 'http', scheme: 'bearer', description: 'Reader token from POST /v1/readers' },
          metricsToken: { type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN secret, for the Prometheus scraper: it opens /metrics only' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => pruneUnusedSchemas(jsonSchemaTransformObject(document)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
});
