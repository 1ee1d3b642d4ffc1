import negotiate from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import zlib from 'node:zlib';
import { addVary } from './http-cache.js';

/**
 * Response compression: the one place that says which codings the API answers in, from what
 * size, and how hard brotli works. @fastify/compress is configured from these values for every
 * response, and the render cache (src/lib/render-cache.ts) uses them to keep the encoded bytes of
 * the bodies it keeps, so a browser or CDN reading a front page is not answered by compressing
 * the same bytes again on every request.
 */

/** Codings in the server's order of preference; what the client accepts picks among them. */
export const RESPONSE_ENCODINGS = ['br', 'gzip', 'deflate', 'identity'] as const;
export type ResponseEncoding = Exclude<(typeof RESPONSE_ENCODINGS)[number], 'identity'>;

/** Bodies smaller than this are sent as they are: the headers would outweigh the saving. */
export const COMPRESSION_THRESHOLD = 1024;

// Quality 4 (the plugin's own default) compresses a 16 KB article in ~0.7 ms to within 2 % of
// quality 6; quality 11 takes ~30 × as long for ~10 % less.
export const BROTLI_OPTIONS: zlib.BrotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

const SUPPORTED = [...RESPONSE_ENCODINGS];
// The same reading of Accept-Encoding as @fastify/compress: `*` and `x-gzip` stand for gzip.
const GZIP_ALIASES = /\*|x-gzip/gu;

/**
 * The coding a response to this request is sent in, or undefined for the bytes as they are:
 * the client accepts none of ours, prefers identity, or opted out with `x-no-compression`.
 */
export function negotiatedEncoding(request: FastifyRequest): ResponseEncoding | undefined {
  const accepted = request.headers['accept-encoding'];
  if (accepted === undefined || request.headers['x-no-compression'] !== undefined) return undefined;
  const encoding = negotiate(accepted.toLowerCase().replace(GZIP_ALIASES, 'gzip'), SUPPORTED);
  return encoding === null || encoding === 'identity' ? undefined : encoding;
}

export function encodeBody(body: Buffer, encoding: ResponseEncoding): Buffer {
  switch (encoding) {
    case 'br':
      return zlib.brotliCompressSync(body, BROTLI_OPTIONS);
    case 'gzip':
      return zlib.gzipSync(body);
    case 'deflate':
      return zlib.deflateSync(body);
  }
}

/**
 * Marks a reply as sent in `encoding` (so @fastify/compress leaves it alone) and names
 * Accept-Encoding among the headers it varies by, as the plugin does for what it compresses.
 */
export function markEncoded(reply: FastifyReply, encoding: ResponseEncoding): void {
  reply.header('content-encoding', encoding);
  addVary(reply, 'accept-encoding');
}
