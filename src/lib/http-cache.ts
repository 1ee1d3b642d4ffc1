import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keptValues } from './kept-values.js';

/** Who a response is for, which decides who may store it. */
type Audience = 'public' | 'private' | 'editor';

/**
 * How long a store may answer from its copy without asking: a minute for content, and not at
 * all for a discussion, where readers expect a new comment (their own first) at once; asking
 * costs them a 304.
 */
export type Freshness = 'minute' | 'ask-first';

const CACHE_CONTROL: Record<Freshness, Record<Audience, string>> = {
  minute: {
    // A CDN serves it for a minute, then stale for five more while it revalidates in the background.
    public: 'public, max-age=60, stale-while-revalidate=300',
    // The public content, but the request carried a credential: only the caller's own cache keeps it.
    private: 'private, max-age=60, stale-while-revalidate=300',
    // Editors see drafts and schedules: nothing may store that.
    editor: 'private, no-store',
  },
  'ask-first': {
    public: 'public, no-cache',
    private: 'private, no-cache',
    editor: 'private, no-store',
  },
};

function audienceOf(request: FastifyRequest, seesUnpublished: boolean): Audience {
  if (seesUnpublished) return 'editor';
  return request.headers.authorization === undefined ? 'public' : 'private';
}

export interface Validators {
  /** A strong entity tag, quoted. */
  etag: string;
  /** Milliseconds since the epoch; sent with one-second resolution. None where no date names the version. */
  lastModified?: number;
}

/** A database-wide version: it moves whenever anything in its scope may have changed. */
export interface ContentVersion {
  /** The scope's letter and count, as ETags and cache keys name it: `v812` (all content), `e790` (editorial). */
  tag: string;
  modifiedAt: number;
}

/** A short digest of what a representation depends on: small inputs, never the rendered body. */
export function fingerprint(...parts: string[]): string {
  return hash('sha256', parts.join('\n'), 'base64url').slice(0, 16);
}

/**
 * isNotModified for a list or feed, whose validators are a content version and the
 * request's URL: nothing is read or rendered to answer a conditional GET. Editors' and the
 * public's views of one URL differ, so they get different tags.
 */
export function isListNotModified(request: FastifyRequest, reply: FastifyReply, state: ContentVersion, seesUnpublished: boolean): boolean {
  const validators = { etag: `"${state.tag}-${urlTag(seesUnpublished ? 'editor' : 'public', request.url)}"`, lastModified: state.modifiedAt };
  return isNotModified(request, reply, validators, seesUnpublished);
}

// The URL part of a list's tag never changes for a URL, and the same few URLs (front pages,
// feeds) are asked for over and over: their digests are kept rather than hashed per request.
const URL_TAGS_KEPT = 1000;
const urlTags = keptValues<string>(URL_TAGS_KEPT);

function urlTag(view: 'editor' | 'public', url: string): string {
  return urlTags(`${view} ${url}`, () => fingerprint(view, url));
}

/** Names a representation's version in ETag and Last-Modified. */
export function setValidators(reply: FastifyReply, validators: Validators): void {
  reply.header('etag', validators.etag);
  if (validators.lastModified !== undefined) reply.header('last-modified', httpDate(validators.lastModified));
}

/**
 * For a body rendered after its validators were sent: true when it is the version they name.
 * Otherwise (another process wrote in between) the reply gets the validators of what it now
 * carries, and the caller must not keep the body under the older ones.
 */
export function sentValidatorsHold(reply: FastifyReply, sent: Validators, rendered: Validators): boolean {
  if (rendered.etag === sent.etag) return true;
  setValidators(reply, rendered);
  return false;
}

// Polls and front pages ask with the same Last-Modified over and over, and formatting a date
// cost more than the rest of setting the validators: the last one formatted is kept.
let lastFormatted = { at: Number.NaN, text: '' };

function httpDate(at: number): string {
  if (at !== lastFormatted.at) lastFormatted = { at, text: new Date(at).toUTCString() };
  return lastFormatted.text;
}

/**
 * Sets ETag, Last-Modified, Cache-Control and Vary, then evaluates the request's
 * preconditions in RFC 9110 order: If-None-Match when present, else If-Modified-Since.
 * True means the client's copy is current: answer 304 and render nothing.
 * `seesUnpublished`: the caller (an editor) gets what the public never sees; nothing stores it.
 */
export function isNotModified(
  request: FastifyRequest,
  reply: FastifyReply,
  validators: Validators,
  seesUnpublished: boolean,
  freshness: Freshness = 'minute',
): boolean {
  const audience = audienceOf(request, seesUnpublished);
  setValidators(reply, validators);
  reply.header('cache-control', CACHE_CONTROL[freshness][audience]);
  addVary(reply, 'Authorization');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagListMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined || validators.lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Math.floor(validators.lastModified / 1000) * 1000 <= since;
}

/** Adds a header name to Vary without dropping what other plugins put there (CORS adds Origin). */
export function addVary(reply: FastifyReply, name: string): void {
  const current = reply.getHeader('vary');
  if (current === undefined) {
    reply.header('vary', name);
    return;
  }
  // Every cacheable response comes here with one of a few Vary values: splitting and joining
  // them again cost ~5 µs of a kept list page under load, so each combination is worked out once.
  const value = typeof current === 'string' ? current : '';
  reply.header('vary', varyWith(`${value}\n${name}`, () => joinVary(value, name)));
}

const VARY_VALUES_KEPT = 100;
const varyWith = keptValues<string>(VARY_VALUES_KEPT);

function joinVary(current: string, name: string): string {
  const names = current.split(',').map((n) => n.trim()).filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.join(', ');
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a W/ prefix on either side is ignored. */
export function etagListMatches(header: string, etag: string): boolean {
  // Nearly every revalidation sends back exactly the one tag it was given.
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export const NotModified = z.undefined().describe('Not modified: the copy named by If-None-Match or If-Modified-Since is current');
