import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

// Query parameters whose values could be credentials are masked before a URL is logged.
const SECRET_PARAM = /([?&][^=&]*(?:token|secret|key|password|signature|auth)[^=&]*=)[^&]*/gi;

/** The URL as it may be logged: the path, and the query with credential-like values masked. */
export const loggableUrl = (url: string): string => (url.includes('?') ? url.replace(SECRET_PARAM, '$1[redacted]') : url);

/**
 * One log line per request, when its response is done, instead of Fastify's pair of
 * "incoming request"/"request completed" lines. Routes that orchestrators poll set a quieter
 * route `logLevel`, so probes and scrapes do not flood the log.
 */
export class AccessLogController extends LogController {
  private readonly lineLoggers = new Map<string, FastifyBaseLogger>();

  constructor() {
    super({ requestIdLogLabel: 'request_id' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: loggableUrl(request.url),
      status: reply.statusCode,
      response_time_ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    // request.log names the request itself; the line logger is shared, so the line names it.
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else this.lineLogger(request).info({ request_id: request.id, ...line }, 'request completed');
  }

  /**
   * The line's fields are fixed, and none can hold a secret (the URL is masked above), so it
   * skips the logger's redaction pass: a wildcard path runs it on every field, and it took
   * ~60 % of the cost of each line. One logger per level, so a route's own level still holds.
   */
  private lineLogger(request: FastifyRequest): FastifyBaseLogger {
    const { level } = request.log;
    let logger = this.lineLoggers.get(level);
    if (!logger) {
      logger = request.server.log.child({}, { level, redact: { paths: [] } });
      this.lineLoggers.set(level, logger);
    }
    return logger;
  }
}

/**
 * A request's own logger, made only when the request logs something of its own (an error, a
 * warning). Fastify gives every request a child logger bound to its id; pino builds a child by
 * serialising and redacting its bindings, a few microseconds on every request, while most
 * requests log nothing but the access line, which has a logger of its own (above).
 */
class LazyRequestLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  /** The logger Fastify would have made, made now. */
  get logger(): FastifyBaseLogger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }

  /** The route's level, as the child has it, read without making the child. */
  get level(): string {
    return this.made?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type Level = (typeof LEVELS)[number];
// Declaration merging: the level methods are put on the prototype below, not made per request.
interface LazyRequestLogger extends Pick<FastifyBaseLogger, Level> {}
for (const level of LEVELS) {
  LazyRequestLogger.prototype[level] =
    level === 'silent'
      ? () => {} // logs nothing, so makes nothing
      : function (this: LazyRequestLogger, ...args: unknown[]) {
          (this.logger[level] as (...logged: unknown[]) => void)(...args);
        };
}

export const lazyRequestLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (parent, bindings, options) =>
  new LazyRequestLogger(parent, bindings, options);
