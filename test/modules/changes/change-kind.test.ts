import t from 'tap';
import type { ArticleRow } from '../../../src/modules/articles/article-resource.js';
import { classifyArticleWrite } from '../../../src/modules/changes/change-kind.js';

const NOW = Date.parse('2026-11-28T09:00:00Z');
const row = (status: ArticleRow['status'], publishedAt: number | null) => ({ status, publishedAt }) as ArticleRow;
const draft = row('draft', null);
const live = row('published', NOW - 1000);
const scheduled = row('published', NOW + 1000);
const archived = row('archived', NOW - 1000);

t.test('publish and unpublish are entries into and exits from public view', async (t) => {
  const cases: [string, 'create' | 'update' | 'delete', ArticleRow | null, ArticleRow, string, boolean][] = [
    ['draft created', 'create', null, draft, 'create', false],
    ['created live', 'create', null, live, 'create', true],
    ['created scheduled', 'create', null, scheduled, 'create', false],
    ['draft published', 'update', draft, live, 'publish', true],
    ['draft scheduled', 'update', draft, scheduled, 'update', false],
    ['live edited', 'update', live, live, 'update', true],
    ['live archived', 'update', live, archived, 'unpublish', true],
    ['live moved to the future', 'update', live, scheduled, 'unpublish', true],
    ['archived republished', 'update', archived, live, 'publish', true],
    ['draft edited', 'update', draft, draft, 'update', false],
    ['live deleted', 'delete', live, live, 'delete', true],
    ['draft deleted', 'delete', draft, draft, 'delete', false],
  ];
  for (const [name, kind, previous, article, expected, isPublic] of cases) {
    t.same(classifyArticleWrite({ kind, previous, article }, NOW), { kind: expected, isPublic }, name);
  }
});
