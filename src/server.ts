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

const app = await buildApp(config);
let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
await app.listen({ port: config.port, host: config.host });
