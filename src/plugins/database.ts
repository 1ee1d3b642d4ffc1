import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { DatabaseHandle } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

/** Shares the open database with the whole app and closes it (WAL checkpoint) when the app closes. */
export const databasePlugin = fp(async (app: FastifyInstance, opts: { handle: DatabaseHandle }) => {
  app.decorate('database', opts.handle);
  app.addHook('onClose', async () => opts.handle.close());
});
