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

// Log lines are written asynchronously: under load, the lines written while one write is in
// flight go out together in the next, instead of one blocking write per request. pino flushes
// what is pending synchronously when the process exits, however it exits.
const app = await buildApp(config, { warmUp: true, logStream: pino.destination({ dest: 1, sync: false }) });

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
