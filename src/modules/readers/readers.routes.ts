import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/problem.js';
import { jsonResponse } from '../../lib/schemas.js';
import type { Clock } from '../../lib/time.js';
import { readerIdOf, requireReader, SECURITY } from '../../plugins/auth.js';
import { toReader } from './reader-resource.js';
import { CreatedReaderSchema, CreateReaderBody, ReaderSchema } from './readers.schemas.js';
import type { ReadersService } from './readers.service.js';

const TAGS = ['readers'];

export const readersRoutes: FastifyPluginAsyncZod<{ readers: ReadersService; clock: Clock }> = async (app, { readers, clock }) => {
  app.post('/v1/readers', {
    schema: {
      operationId: 'createReader',
      summary: 'Become a reader who can comment; the token is in this response only',
      description:
        'Every call creates a new reader: the answer never says whether the e-mail address is known. ' +
        'The display name is checked against the discussion policy.',
      tags: TAGS,
      security: SECURITY.public,
      body: CreateReaderBody,
      response: { 201: jsonResponse(CreatedReaderSchema, 'The new reader with their token'), ...problemResponses(400, 401, 413, 415) },
    },
    handler: async (request, reply) => {
      const { row, token } = readers.create(request.body);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .header('location', '/v1/readers/me')
        .send({ ...toReader(row, clock()), token });
    },
  });

  app.get('/v1/readers/me', {
    onRequest: requireReader,
    schema: {
      operationId: 'getCurrentReader',
      summary: 'The reader this token belongs to, with their e-mail and any block',
      tags: TAGS,
      security: SECURITY.reader,
      response: { 200: jsonResponse(ReaderSchema, 'The reader'), ...problemResponses(401, 403) },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return toReader(readers.get(readerIdOf(request)), clock());
    },
  });
};
