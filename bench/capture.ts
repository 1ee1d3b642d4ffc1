import { type CapturedResponse, replayableHeaders, responseKey } from './baseline.js';
import type { BenchRequest, Endpoint } from './endpoints.js';

/** Sends one request as autocannon would (no compression asked for) and returns the raw answer. */
export async function send(baseUrl: string, request: BenchRequest): Promise<Response> {
  return fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: { 'accept-encoding': 'identity', ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

/**
 * Dateline's answer to each endpoint's first request: what the baseline will replay, byte for
 * byte. An answer with another status than expected stops the run (the bench would measure errors).
 */
export async function captureResponses(baseUrl: string, endpoints: Endpoint[]): Promise<CapturedResponse[]> {
  const captured: CapturedResponse[] = [];
  for (const endpoint of endpoints) {
    const { request } = endpoint;
    let response = await send(baseUrl, request);
    // A cold first request can be slow enough (a common search term on a large corpus) that
    // the server sheds the next ones for a moment; capturing waits that out.
    for (let tries = 0; response.status === 503 && tries < 30; tries++) {
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      response = await send(baseUrl, request);
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== endpoint.expect) {
      throw new Error(`${endpoint.name}: Dateline answered ${response.status}, expected ${endpoint.expect}: ${body.toString('utf8').slice(0, 500)}`);
    }
    const key = responseKey(request.method, request.path, request.headers['if-none-match'] !== undefined);
    captured.push({ key, status: response.status, headers: replayableHeaders(response.headers), body: body.toString('base64') });
  }
  return captured;
}
