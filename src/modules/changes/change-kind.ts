import type { ChangeKind } from '../../lib/vocabulary.js';
import { isPublic } from '../articles/article-resource.js';
import type { ArticleWriteEvent } from '../articles/articles.service.js';

export interface ClassifiedChange {
  kind: ChangeKind;
  /** The public could see the article before or after the write, so it may see the change. */
  isPublic: boolean;
}

/**
 * What an article write means to someone mirroring the public site: publish and unpublish
 * are the moments the article enters or leaves public view (compared at the instant of the
 * write, so a scheduled article whose time has passed counts as public before an edit).
 */
export function classifyArticleWrite(event: Pick<ArticleWriteEvent, 'kind' | 'article' | 'previous'>, now: number): ClassifiedChange {
  const after = isPublic(event.article, now);
  if (event.kind === 'create') return { kind: 'create', isPublic: after };
  if (event.kind === 'delete') return { kind: 'delete', isPublic: after };
  const before = event.previous !== null && isPublic(event.previous, now);
  if (before && !after) return { kind: 'unpublish', isPublic: true };
  if (!before && after) return { kind: 'publish', isPublic: true };
  return { kind: 'update', isPublic: after };
}
