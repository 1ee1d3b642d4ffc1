import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { CommentSettings, Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { createGroupCommit } from './db/group-commit.js';
import { applyMigrations } from './db/migrate.js';
import { createRenderCache, type RenderCache } from './lib/render-cache.js';
import { systemClock, type Clock } from './lib/time.js';
import { articlesRoutes } from './modules/articles/articles.routes.js';
import { createArticlesService } from './modules/articles/articles.service.js';
import { changesRoutes } from './modules/changes/changes.routes.js';
import { createChangesService } from './modules/changes/changes.service.js';
import { articleFormatsRoutes } from './modules/feeds/article-formats.routes.js';
import { feedsRoutes } from './modules/feeds/feeds.routes.js';
import { createFeedsService } from './modules/feeds/feeds.service.js';
import { createArticleEntityPresenter } from './modules/entities/article-entities.js';
import { entitiesRoutes } from './modules/entities/entities.routes.js';
import { createEntitiesService } from './modules/entities/entities.service.js';
import { createEntityCatalog } from './modules/entities/entity-catalog.js';
import { createEntityExtraction } from './modules/entities/entity-extraction.js';
import { entityLinksRoutes } from './modules/entities/entity-links.routes.js';
import { createEntityLinksService } from './modules/entities/entity-links.service.js';
import { createMentionStore } from './modules/entities/mention-store.js';
import { createReextraction } from './modules/entities/reextraction.js';
import { createCommentListsService } from './modules/comments/comment-lists.service.js';
import { COMMENT_PAGES_KEPT, commentsRoutes } from './modules/comments/comments.routes.js';
import { createCommentsService } from './modules/comments/comments.service.js';
import { releaseApprovedComments } from './modules/comments/comment-transitions.js';
import { createFlagsService } from './modules/comments/flags.service.js';
import { keysRoutes } from './modules/keys/keys.routes.js';
import { createKeysService } from './modules/keys/keys.service.js';
import { moderationRoutes } from './modules/moderation/moderation.routes.js';
import { createModerationService } from './modules/moderation/moderation.service.js';
import { opsRoutes } from './modules/ops/ops.routes.js';
import { createStatsService } from './modules/ops/stats.service.js';
import { readersRoutes } from './modules/readers/readers.routes.js';
import { createReadersService, isReaderToken } from './modules/readers/readers.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { createSearchService } from './modules/search/search.service.js';
import { authPlugin, withMetricsToken } from './plugins/auth.js';
import { connectionDrainPlugin } from './plugins/connection-drain.js';
import { databasePlugin } from './plugins/database.js';
import { errorsPlugin, renderFrameworkError } from './plugins/errors.js';
import { httpSecurityPlugin } from './plugins/http-security.js';
import { loadSheddingPlugin } from './plugins/load-shedding.js';
import { metricsPlugin } from './plugins/metrics.js';
import { openapiPlugin } from './plugins/openapi.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { AccessLogController, lazyRequestLogger } from './plugins/access-log.js';

export interface AppOverrides {
  /** An already open database (tests share one between app instances). Migrated here too. */
  database?: DatabaseHandle;
  clock?: Clock;
  /** Where log lines go (default: stdout, a write per line); the server passes a buffered stdout, tests capture them. */
  logStream?: DestinationStream;
  /** Rendered public reads kept in memory; tests that look at every query pass an empty one. */
  renderCache?: RenderCache;
  /**
   * Load the NLP model and build the entity matcher before serving (the server does; tests
   * that never write articles need not pay for it).
   */
  warmUp?: boolean;
}

// An incoming X-Request-Id is kept when it is a plain token, so logs correlate across proxies.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

// Longer than the idle timeout of common load balancers (60 s), so they close idle connections first.
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export type Services = ReturnType<typeof createServices>;

/** Every service, wired once: the app and the CLI run the same business logic. */
export function createServices(database: DatabaseHandle, settings: { comments: CommentSettings }, clock: Clock = systemClock) {
  const changes = createChangesService({ database, clock });
  const catalog = createEntityCatalog(database);
  const mentions = createMentionStore(database);
  const entities = createEntitiesService({ database, clock, catalog, mentions, recordChange: changes.record, touchContent: changes.touch });
  const extraction = createEntityExtraction({ database, catalog, entities, mentions });
  const findEntity = (idOrSlug: string) => entities.find(idOrSlug)?.row;
  // Hooks run inside every article write: links first, then the change log that describes it,
  // then the readers' counts of the comments a deletion takes with it.
  const hooks = [extraction.onArticleWrite, changes.recordArticleWrite, releaseApprovedComments(database.db)];
  const articles = createArticlesService({ database, clock, hooks, findEntity });
  const entityLinks = createEntityLinksService({ database, clock, entities, mentions, touchContent: changes.touch });
  const readers = createReadersService({ database, clock });
  const commentDeps = { database, clock, settings: settings.comments, readers };
  return {
    clock,
    keys: createKeysService({ database, clock }),
    changes,
    entities,
    extraction,
    reextraction: createReextraction({ database, clock, extraction, changes }),
    entityLinks,
    presentEntities: createArticleEntityPresenter(entities, entityLinks),
    articles,
    search: createSearchService({ database, clock, findEntity }),
    feeds: createFeedsService({ database, clock, articles, findEntity }),
    stats: createStatsService({ database }),
    readers,
    comments: createCommentsService(commentDeps),
    flags: createFlagsService(commentDeps),
    commentLists: createCommentListsService(commentDeps),
    moderation: createModerationService({ database, clock, readers }),
  };
}

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
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    logController: new AccessLogController(),
    childLoggerFactory: lazyRequestLogger,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: renderFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Hooks on every request are written with `done` rather than async: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const database = overrides.database ?? openDatabase(config.databasePath, { backgroundCheckpoints: true });
  applyMigrations(database);
  const services = createServices(database, config, overrides.clock);
  if (config.adminKey) services.keys.ensureAdminKey(config.adminKey);
  // Before the load monitor starts: this second of work must not count as event-loop lag.
  if (overrides.warmUp) services.extraction.warmUp();

  await app.register(connectionDrainPlugin);
  await app.register(errorsPlugin);
  await app.register(metricsPlugin);
  await app.register(loadSheddingPlugin, { maxEventLoopDelayMs: config.maxEventLoopDelayMs });
  await app.register(httpSecurityPlugin, { corsOrigins: config.corsOrigins });
  await app.register(databasePlugin, { handle: database });
  await app.register(openapiPlugin);
  // Reader tokens and staff keys are told apart by their prefix; the metrics token by its value.
  const resolve = (secret: string) => (isReaderToken(secret) ? services.readers.resolve(secret) : services.keys.resolve(secret));
  await app.register(authPlugin, { resolve: withMetricsToken(config.metricsToken, resolve) });
  await app.register(rateLimitPlugin, config.rateLimit);

  const { clock, changes, articles, entities, entityLinks, presentEntities, readers } = services;
  const rendered = overrides.renderCache ?? createRenderCache();
  await app.register(opsRoutes, { database, stats: services.stats });
  await app.register(articlesRoutes, { articles, changes, clock, presentEntities, rendered });
  await app.register(entitiesRoutes, { entities, links: entityLinks, changes, clock, rendered });
  await app.register(entityLinksRoutes, { articles, links: entityLinks, present: presentEntities, changes, rendered });
  await app.register(searchRoutes, { search: services.search, changes, clock, rendered });
  await app.register(keysRoutes, { keys: services.keys });
  await app.register(changesRoutes, { changes });
  await app.register(feedsRoutes, { feeds: services.feeds, changes, site: config, rendered });
  await app.register(articleFormatsRoutes, { articles, clock, site: config, entitiesOf: (article) => presentEntities([article.seq]).get(article.seq) ?? [], changes, rendered });
  await app.register(readersRoutes, { readers, clock });
  await app.register(commentsRoutes, {
    comments: services.comments,
    groupCommit: createGroupCommit(database),
    flags: services.flags,
    lists: services.commentLists,
    settings: config.comments,
    generation: database.generation,
    rendered: overrides.renderCache ?? createRenderCache(COMMENT_PAGES_KEPT),
  });
  await app.register(moderationRoutes, { moderation: services.moderation, clock });

  await app.ready();
  return app;
}
