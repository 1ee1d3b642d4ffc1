import { request as httpRequest } from 'node:http';
import { type CapturedResponse, replayableHeaders, responseKey } from './baseline.js';
import type { BenchRequest, Endpoint } from './endpoints.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The bytes as sent: a compressed body stays compressed (fetch would decode it). */
  body: Buffer;
}

/** Sends one request as autocannon would (no compression unless the request asks) and returns the raw answer. */
export function send(baseUrl: string, request: BenchRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${baseUrl}${request.path}`,
      { method: request.method, headers: { 'accept-encoding': 'identity', ...request.headers } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers[name] = String(value);
          resolve({ status: incoming.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
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
      await new Promise((resolve) => setTimeout(resolve, 1000));
      response = await send(baseUrl, request);
    }
    const { body } = response;
    if (response.status !== endpoint.expect) {
      throw new Error(`${endpoint.name}: Dateline answered ${response.status}, expected ${endpoint.expect}: ${body.toString('utf8').slice(0, 500)}`);
    }
    const key = responseKey(request.method, request.path, request.headers);
    captured.push({ key, status: response.status, headers: replayableHeaders(response.headers), body: body.toString('base64') });
  }
  return captured;
}
