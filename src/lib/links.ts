import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sets the RFC 8288 `Link: <…>; rel="next"` header for a list page: the same URL and
 * filters with the next cursor. Relative to the request, so it survives proxies.
 */
export function setNextLink(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void {
  if (nextCursor === null) return;
  const url = new URL(request.url, 'http://dateline.invalid');
  url.searchParams.set('cursor', nextCursor);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
}
