import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setNextLink } from '../../lib/links.js';
import { problemResponses } from '../../lib/problem.js';
import { jsonResponse } from '../../lib/schemas.js';
import { requireRole, SECURITY } from '../../plugins/auth.js';
import { ApiKeyPage, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, KeyIdParams, ListKeysQuery } from './keys.schemas.js';
import { toApiKey, type KeysService } from './keys.service.js';

const TAGS = ['keys'];

export const keysRoutes: FastifyPluginAsyncZod<{ keys: KeysService }> = async (app, { keys }) => {
  app.addHook('onRequest', requireRole());

  app.get('/v1/keys', {
    schema: {
      operationId: 'listApiKeys',
      summary: 'List API keys (admin)',
      tags: TAGS,
      security: SECURITY.staff,
      querystring: ListKeysQuery,
      response: { 200: jsonResponse(ApiKeyPage, 'A page of keys, oldest first'), ...problemResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const page = keys.list(request.query);
      setNextLink(request, reply, page.nextCursor);
      return { data: page.rows.map(toApiKey), next_cursor: page.nextCursor };
    },
  });

  app.post('/v1/keys', {
    schema: {
      operationId: 'createApiKey',
      summary: 'Create an API key (admin); the secret is in this response only',
      tags: TAGS,
      security: SECURITY.staff,
      body: CreateApiKeyBody,
      response: { 201: jsonResponse(CreatedApiKeySchema, 'The new key with its secret'), ...problemResponses(400, 401, 403, 413, 415) },
    },
    handler: async (request, reply) => {
      const { row, secret } = keys.create(request.body.name, request.body.role);
      return reply.code(201).header('cache-control', 'no-store').send({ ...toApiKey(row), secret });
    },
  });

  app.delete('/v1/keys/:id', {
    schema: {
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key (admin); it stops working at once',
      tags: TAGS,
      security: SECURITY.staff,
      params: KeyIdParams,
      response: { 200: jsonResponse(ApiKeySchema, 'The revoked key'), ...problemResponses(401, 403, 404) },
    },
    handler: async (request) => toApiKey(keys.revoke(request.params.id)),
  });
};
