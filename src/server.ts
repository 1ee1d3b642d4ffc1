import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

// The only file that reads the environment, listens and handles signals.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`dateline: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

// Log lines are buffered and written synchronously, in one write per ~4 KiB (some 15 access
// lines), and at least every quarter second, so a quiet server's lines still show at once.
// Measured under load: pino's asynchronous mode handed each line to libuv's thread pool on its
// own, ~19 µs of the event loop per write, 6 % of its time under conditional GETs; one write of
// 4 KiB costs ~3 µs. What is pending is written when the process exits, however it exits (pino
// does that itself only in its asynchronous mode); only a kill -9 loses the last lines.
const LOG_WRITE_BYTES = 4096;
const LOG_FLUSH_MS = 250;
const logStream = pino.destination({ dest: 1, sync: true, minLength: LOG_WRITE_BYTES, periodicFlush: LOG_FLUSH_MS });
process.on('exit', () => logStream.flushSync());
const app = await buildApp(config, { warmUp: true, logStream });

// SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database (WAL
// checkpoint), exit 0. A second signal, or a drain longer than SHUTDOWN_TIMEOUT_MS, exits 1 at
// once; the database is still closed first, which is safe because no query is ever in flight
// between two turns of the event loop.
closeWithGrace(
  {
    delay: config.shutdownTimeoutMs,
    logger: false,
    onSecondSignal: (signal) => app.log.warn({ signal }, 'second signal: exiting at once'),
    onTimeout: (delay) => {
      app.log.error({ timeout_ms: delay }, 'requests still running after the shutdown timeout: exiting');
      app.database.close();
    },
  },
  async ({ signal, err }) => {
    if (err) app.log.fatal({ err }, 'uncaught error: shutting down');
    else app.log.info({ signal }, 'shutting down: draining requests');
    try {
      await app.close();
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      throw error;
    }
    app.log.info('stopped');
  },
);

await app.listen({ port: config.port, host: config.host });
