import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';

/**
 * The OpenAPI document exactly as the app serves it, built on a throwaway in-memory
 * database: the committed openapi/openapi.json is this, pretty-printed.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database: openDatabase(':memory:') });
  try {
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
