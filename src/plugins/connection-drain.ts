import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Once the server starts closing, every answer says `Connection: close`. server.close() only
 * closes the connections idle at that moment: a keep-alive client whose request was in flight
 * would keep its connection open after the answer, and the drain would wait on it until the
 * shutdown timeout (and exit 1) although no request is running any more.
 */
export const connectionDrainPlugin = fp(async (app: FastifyInstance) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
});
