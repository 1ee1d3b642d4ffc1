import type { FastifyReply, FastifyRequest } from 'fastify';

/** The request's own path and query with `param` set to `cursor`: the next page of the same list. */
export function nextPageUrl(request: FastifyRequest, cursor: string, param = 'cursor'): string {
  const url = new URL(request.url, 'http://dateline.invalid');
  url.searchParams.set(param, cursor);
  return `${url.pathname}${url.search}`;
}

/**
 * Sets the RFC 8288 `Link: <…>; rel="next"` header for a list page: the same URL and
 * filters with the next cursor. Relative to the request, so it survives proxies.
 */
export function setNextLink(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null, param = 'cursor'): void {
  if (nextCursor === null) return;
  reply.header('link', nextLink(request, nextCursor, param));
}

/** The value of the Link header that names the next page. */
export const nextLink = (request: FastifyRequest, cursor: string, param = 'cursor'): string => `<${nextPageUrl(request, cursor, param)}>; rel="next"`;
