import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESSION_THRESHOLD, encodeBody, markEncoded, negotiatedEncoding, type ResponseEncoding } from './content-coding.js';
import { isNotModified } from './http-cache.js';
import { nextLink } from './links.js';

/**
 * A serialized response body and the next-page cursor its Link header names. The body is kept
 * as encoded bytes: sent as they are, with no UTF-8 encoding or length count per request.
 * Its compressed forms are added as clients ask for them (`encoded`), and count towards the
 * cache's size like the body.
 */
interface Rendered {
  body: Buffer;
  nextCursor: string | null;
  encoded?: Partial<Record<ResponseEncoding, Buffer>>;
  /** The Link header last sent with it, and the request URL it was made from. */
  link?: { url: string; header: string };
  /** Its ETag, where the body alone names its version (sendTagged). */
  etag?: string;
}

// 22 base64url characters: 132 bits of the body's SHA-256.
const BODY_TAG_LENGTH = 22;

function sizeOf(entry: Rendered): number {
  let size = entry.body.length;
  if (entry.encoded) for (const bytes of Object.values(entry.encoded)) size += bytes.length;
  return size;
}

/**
 * What a render produces. `keep: false` sends the body without keeping it: the render found
 * the resource newer than the key it was asked for (another process wrote in between).
 */
interface Render {
  payload: unknown;
  nextCursor: string | null;
  keep?: boolean;
}

export interface RenderCacheLimits {
  maxEntries: number;
  /** Sum of body sizes in bytes. */
  maxBytes: number;
}

const DEFAULT_LIMITS: RenderCacheLimits = { maxEntries: 2000, maxBytes: 32 * 1024 * 1024 };

export type RenderCache = ReturnType<typeof createRenderCache>;

/** Keeps nothing: every read renders (for tests that must see each request's queries). */
export const NO_RENDER_CACHE: RenderCacheLimits = { maxEntries: 0, maxBytes: 0 };

/**
 * Serialized bodies of public reads, kept in this process, least recently used out first.
 * A key must name everything the body depends on — the content version for lists, feeds and
 * search, an article's ETag for an article — so an entry is never stale, only unused: a write
 * moves the version (in whatever process it happens), later requests ask for new keys, and
 * old entries age out. Fronts, feeds and popular articles are read thousands of times per write.
 */
export function createRenderCache(limits: RenderCacheLimits = DEFAULT_LIMITS) {
  const entries = new Map<string, Rendered>();
  let bytes = 0;

  function get(key: string): Rendered | undefined {
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
    }
    return hit;
  }

  function set(key: string, rendered: Rendered): void {
    if (sizeOf(rendered) > limits.maxBytes) return;
    const previous = entries.get(key);
    if (previous) {
      entries.delete(key);
      bytes -= sizeOf(previous);
    }
    entries.set(key, rendered);
    bytes += sizeOf(rendered);
    evictOverBudget();
  }

  function evictOverBudget(): void {
    for (const [oldest, entry] of entries) {
      if (entries.size <= limits.maxEntries && bytes <= limits.maxBytes) break;
      entries.delete(oldest);
      bytes -= sizeOf(entry);
    }
  }

  /**
   * The body of a kept entry in `encoding`, compressed on first use and kept beside it. The
   * entry is the most recently used one (it was just read or set), so the budget check that
   * follows evicts others first.
   */
  function encodedBody(key: string, rendered: Rendered, encoding: ResponseEncoding): Buffer {
    const kept = rendered.encoded?.[encoding];
    if (kept) return kept;
    const bytesOut = encodeBody(rendered.body, encoding);
    if (entries.get(key) === rendered) {
      rendered.encoded = { ...rendered.encoded, [encoding]: bytesOut };
      bytes += bytesOut.length;
      evictOverBudget();
    }
    return bytesOut;
  }

  /**
   * Answers from the cache under `key`, or runs `render` (a payload and its next-page cursor),
   * serializes the payload with the route's own response schema, keeps it (unless `key` is
   * null: editors' views are not kept) and sends it. The Link header of a list page is set
   * either way; `mediaType` is the body's (its response schema is looked up under it).
   * A kept body is sent compressed when the client accepts it, from bytes compressed once;
   * what is not kept is left to @fastify/compress.
   */
  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string | null,
    render: () => Render,
    mediaType = 'application/json',
  ): FastifyReply {
    const { rendered, keptUnder } = obtain(reply, key, render, mediaType);
    return deliver(request, reply, rendered, keptUnder, mediaType);
  }

  /**
   * send() for a JSON body that nothing cheaper names (a comment page): its ETag is a digest of
   * the body, worked out once per kept body, and a request that names it gets a 304 without one.
   * Stores must ask again each time (see http-cache.ts, 'ask-first').
   */
  function sendTagged(request: FastifyRequest, reply: FastifyReply, key: string | null, render: () => Render): FastifyReply {
    const { rendered, keptUnder } = obtain(reply, key, render, 'application/json');
    rendered.etag ??= `"${hash('sha256', rendered.body, 'base64url').slice(0, BODY_TAG_LENGTH)}"`;
    if (isNotModified(request, reply, { etag: rendered.etag }, false, 'ask-first')) return reply.code(304).send();
    return deliver(request, reply, rendered, keptUnder, 'application/json');
  }

  /** The kept body under `key`, or a fresh render, kept unless `key` is null or the render says not to. */
  function obtain(reply: FastifyReply, key: string | null, render: () => Render, mediaType: string): { rendered: Rendered; keptUnder: string | null } {
    const kept = key === null ? undefined : get(key);
    if (kept) return { rendered: kept, keptUnder: key };
    const { keep, ...fresh } = renderNow(reply, render, mediaType);
    if (key === null || !keep) return { rendered: fresh, keptUnder: null };
    set(key, fresh);
    return { rendered: fresh, keptUnder: key };
  }

  function deliver(request: FastifyRequest, reply: FastifyReply, rendered: Rendered, keptUnder: string | null, mediaType: string): FastifyReply {
    if (rendered.nextCursor !== null) reply.header('link', linkFor(request, rendered, rendered.nextCursor));
    reply.type(`${mediaType}; charset=utf-8`);
    const encoding = keptUnder === null || rendered.body.length < COMPRESSION_THRESHOLD ? undefined : negotiatedEncoding(request);
    if (keptUnder === null || encoding === undefined) return reply.send(rendered.body);
    markEncoded(reply, encoding);
    return reply.send(encodedBody(keptUnder, rendered, encoding));
  }

  return {
    get,
    set,
    send,
    sendTagged,
    get size() {
      return entries.size;
    },
    /** Bytes kept: bodies and their compressed forms. */
    get bytes() {
      return bytes;
    },
  };
}

// The next page's link is made from the request's URL, which a list's key already names:
// parsing and re-serializing the URL per request cost ~10 % of a kept list page's CPU.
function linkFor(request: FastifyRequest, rendered: Rendered, nextCursor: string): string {
  if (rendered.link?.url !== request.url) rendered.link = { url: request.url, header: nextLink(request, nextCursor) };
  return rendered.link.header;
}

// The route's own serializer (its response schema) turns a payload into the body; text
// formats (RSS, Atom) arrive already rendered.
function renderNow(reply: FastifyReply, render: () => Render, mediaType: string): Rendered & { keep: boolean } {
  const { payload, nextCursor, keep = true } = render();
  if (typeof payload === 'string') return { body: Buffer.from(payload), nextCursor, keep };
  // Response schemas are declared per media type, so the serializer is looked up by both.
  return { body: Buffer.from(String(reply.serializeInput(payload as Record<string, unknown>, String(reply.statusCode), mediaType))), nextCursor, keep };
}
