// The baseline: the least a Fastify server can do to answer like Dateline. It has no plugins,
// no database and no logging, and answers each benchmarked request with the status, headers
// and body bytes Dateline gave for it in the same run (captured by capture.ts). Dateline's
// req/s over this server's is the ratio the targets are stated in.
// Started by run.ts as its own process: BASELINE_RESPONSES names the captured responses file.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/** One captured answer, stored as JSON (the body base64). */
export interface CapturedResponse {
  /** `METHOD url`, plus ` conditional` when the request carried If-None-Match and the codings it accepts. */
  key: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const responseKey = (method: string, url: string, headers: Record<string, string | string[] | undefined>) =>
  `${method} ${url}${headers['if-none-match'] === undefined ? '' : ' conditional'}${headers['accept-encoding'] ? ` ${String(headers['accept-encoding'])}` : ''}`;

// Headers the HTTP layer writes itself for every response.
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

export const replayableHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)));

async function main(): Promise<void> {
  const captured = JSON.parse(readFileSync(process.env.BASELINE_RESPONSES as string, 'utf8')) as CapturedResponse[];
  const answers = new Map(captured.map((c) => [c.key, { ...c, bytes: Buffer.from(c.body, 'base64') }]));
  const app = Fastify({ logger: false });
  // Bodies are read (and JSON parsed) as Dateline's are, then ignored.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.get('/health/ready', async () => ({ status: 'ready' }));
  app.route({
    method: ['GET', 'POST'],
    url: '/*',
    handler: (request, reply) => {
      const answer = answers.get(responseKey(request.method, request.url, request.headers));
      if (!answer) return reply.code(404).send();
      return reply.code(answer.status).headers(answer.headers).send(answer.bytes);
    },
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

if (process.env.BASELINE_RESPONSES) await main();
