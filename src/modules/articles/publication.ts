import { badRequest } from '../../lib/problem.js';
import type { ArticleStatus, StoredArticleStatus } from '../../lib/vocabulary.js';

export interface Publication {
  status: StoredArticleStatus;
  publishedAt: number | null;
  firstPublishedAt: number | null;
}

type Current = Publication | null;

/**
 * Decides what to store when an editor asks for `requested` status and publication time
 * (undefined = not given, null = cleared). Scheduling is stored as "published in the
 * future"; republishing keeps the original date unless a new one is given.
 */
export function resolvePublication(
  requested: ArticleStatus,
  requestedAt: number | null | undefined,
  current: Current,
  now: number,
): Publication {
  const everLive = current?.firstPublishedAt != null && current.firstPublishedAt <= now;
  // A first publication that never went live is forgotten when the article is unscheduled.
  const keptFirst = everLive ? (current?.firstPublishedAt ?? null) : null;

  if (requested === 'draft' || requested === 'archived') {
    const publishedAt = requestedAt !== undefined ? requestedAt : (current?.publishedAt ?? null);
    return { status: requested, publishedAt, firstPublishedAt: keptFirst };
  }
  if (requested === 'scheduled') {
    const at = requestedAt ?? current?.publishedAt ?? null;
    if (at === null || at <= now) {
      throw badRequest('body', 'published_at', 'must be in the future to schedule an article');
    }
    return { status: 'published', publishedAt: at, firstPublishedAt: keptFirst ?? at };
  }
  const previous = current?.publishedAt ?? null;
  const at = requestedAt ?? (previous !== null && previous <= now ? previous : now);
  return { status: 'published', publishedAt: at, firstPublishedAt: keptFirst ?? at };
}

/** Once an article has been live, its slug is part of the public web and may not change. */
export const slugLocked = (current: Publication, now: number): boolean =>
  current.firstPublishedAt !== null && current.firstPublishedAt <= now;
