import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { systemClock, type Clock } from './lib/time.js';
import { articlesRoutes } from './modules/articles/articles.routes.js';
import { createArticlesService } from './modules/articles/articles.service.js';
import { createCommentListsService } from './modules/comments/comment-lists.service.js';
import { commentsRoutes } from './modules/comments/comments.routes.js';
import { createCommentsService } from './modules/comments/comments.service.js';
import { createFlagsService } from './modules/comments/flags.service.js';
import { keysRoutes } from './modules/keys/keys.routes.js';
import { createKeysService } from './modules/keys/keys.service.js';
import { moderationRoutes } from './modules/moderation/moderation.routes.js';
import { createModerationService } from './modules/moderation/moderation.service.js';
import { opsRoutes } from './modules/ops/ops.routes.js';
import { readersRoutes } from './modules/readers/readers.routes.js';
import { createReadersService, isReaderToken } from './modules/readers/readers.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { createSearchService } from './modules/search/search.service.js';
import { authPlugin } from './plugins/auth.js';
import { databasePlugin } from './plugins/database.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';

export interface AppOverrides {
  /** An already open database (tests share one between app instances). Migrated here too. */
  database?: DatabaseHandle;
  clock?: Clock;
  /** Where log lines go instead of stdout (tests capture them). */
  logStream?: DestinationStream;
}

// An incoming X-Request-Id is kept when it is a plain token, so logs correlate across proxies.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The one composition root: cross-cutting plugins, then services, then route modules. */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const logger = {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.secret', '*.token'], censor: '[redacted]' },
    ...(overrides.logStream ? { stream: overrides.logStream } : {}),
  };
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const database = overrides.database ?? openDatabase(config.databasePath);
  applyMigrations(database);
  const clock = overrides.clock ?? systemClock;

  await app.register(errorsPlugin);
  await app.register(databasePlugin, { handle: database });
  await app.register(openapiPlugin);

  const keys = createKeysService({ database, clock });
  if (config.adminKey) keys.ensureAdminKey(config.adminKey);
  const articles = createArticlesService({ database, clock });
  const search = createSearchService({ database, clock });
  const readers = createReadersService({ database, clock });
  const commentDeps = { database, clock, settings: config.comments, readers };
  const comments = createCommentsService(commentDeps);
  const flags = createFlagsService(commentDeps);
  const lists = createCommentListsService(commentDeps);
  const moderation = createModerationService({ database, clock, readers });

  await app.register(authPlugin, { resolve: (secret) => (isReaderToken(secret) ? readers.resolve(secret) : keys.resolve(secret)) });
  await app.register(opsRoutes, { database });
  await app.register(articlesRoutes, { articles, clock });
  await app.register(searchRoutes, { search, clock });
  await app.register(keysRoutes, { keys });
  await app.register(readersRoutes, { readers, clock });
  await app.register(commentsRoutes, { comments, flags, lists, settings: config.comments });
  await app.register(moderationRoutes, { moderation, clock });

  await app.ready();
  return app;
}
