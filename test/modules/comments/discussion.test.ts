import t from 'tap';
import { discussionOf } from '../../../src/modules/comments/discussion.js';

const published = Date.parse('2026-11-01T00:00:00Z');
const day = 86_400_000;

t.test('an article keeps its mode when nothing closes it', async (t) => {
  t.same(discussionOf({ commentsMode: 'open', publishedAt: published }, { autocloseDays: null }, published + 1000 * day), { mode: 'open', closesAt: null });
  t.same(discussionOf({ commentsMode: 'closed', publishedAt: published }, { autocloseDays: 3 }, published), { mode: 'closed', closesAt: null });
});

t.test('open and premoderated discussions close by themselves N days after publication', async (t) => {
  const settings = { autocloseDays: 3 };
  const closesAt = published + 3 * day;
  t.same(discussionOf({ commentsMode: 'premoderated', publishedAt: published }, settings, closesAt - 1), { mode: 'premoderated', closesAt });
  t.same(discussionOf({ commentsMode: 'open', publishedAt: published }, settings, closesAt), { mode: 'closed', closesAt });
  t.same(discussionOf({ commentsMode: 'open', publishedAt: null }, settings, closesAt), { mode: 'open', closesAt: null });
});
