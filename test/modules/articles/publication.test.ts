import t from 'tap';
import { resolvePublication, slugLocked } from '../../../src/modules/articles/publication.js';

const NOW = Date.parse('2026-11-28T09:00:00Z');
const HOUR = 3_600_000;

t.test('publishing now, later, or with a past date', async (t) => {
  t.same(resolvePublication('published', undefined, null, NOW), { status: 'published', publishedAt: NOW, firstPublishedAt: NOW });
  t.same(resolvePublication('published', NOW - HOUR, null, NOW), { status: 'published', publishedAt: NOW - HOUR, firstPublishedAt: NOW - HOUR }, 'backdated');
  t.same(resolvePublication('scheduled', NOW + HOUR, null, NOW), { status: 'published', publishedAt: NOW + HOUR, firstPublishedAt: NOW + HOUR });
  t.throws(() => resolvePublication('scheduled', NOW - HOUR, null, NOW), /published_at/);
  t.throws(() => resolvePublication('scheduled', null, null, NOW), /published_at/);
});

t.test('unpublishing and republishing keep the history right', async (t) => {
  const live = { status: 'published' as const, publishedAt: NOW - HOUR, firstPublishedAt: NOW - HOUR };
  const archived = resolvePublication('archived', undefined, live, NOW);
  t.same(archived, { status: 'archived', publishedAt: NOW - HOUR, firstPublishedAt: NOW - HOUR });
  t.same(resolvePublication('published', undefined, archived, NOW), live, 'republishing keeps the original date');
  t.ok(slugLocked(archived, NOW), 'an article that was public keeps its slug');
});

t.test('a schedule that never went live is forgotten when unscheduled', async (t) => {
  const scheduled = { status: 'published' as const, publishedAt: NOW + HOUR, firstPublishedAt: NOW + HOUR };
  t.notOk(slugLocked(scheduled, NOW));
  const draft = resolvePublication('draft', undefined, scheduled, NOW);
  t.equal(draft.firstPublishedAt, null);
  t.same(resolvePublication('published', undefined, scheduled, NOW), { status: 'published', publishedAt: NOW, firstPublishedAt: NOW }, 'publish now instead');
});
