import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { openDatabase } from '../../../src/db/client.js';
import { buildTestApp, otherProcessCommitsShow, testClock } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';

type Listed = { id: string; body: string | null; removed?: boolean; replies?: Listed[]; reply_count?: number };

t.test('flat lists: approved only, oldest or newest first, keyset-paginated', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_PER_MINUTE: '100' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const bodies: string[] = [];
  for (let i = 1; i <= 5; i++) {
    bodies.push((await postComment(ctx, reader, article.id, { body: `Comment number ${i}` })).body);
    clock.advance(1000);
  }
  await postComment(ctx, reader, article.id, { body: 'what sh1t' });
  const url = `/v1/articles/${article.slug}/comments`;

  const first = await ctx.inject({ url: `${url}?limit=2` });
  t.equal(first.statusCode, 200);
  t.equal(first.json().view, 'flat');
  t.same(first.json().data.map((c: Listed) => c.body), bodies.slice(0, 2));
  t.match(first.headers.link, /^<\/v1\/articles\/.+\/comments\?limit=2&cursor=.+>; rel="next"$/);
  const second = await ctx.inject({ url: `${url}?limit=2&cursor=${first.json().next_cursor}` });
  t.same(second.json().data.map((c: Listed) => c.body), bodies.slice(2, 4));
  await postComment(ctx, await createReader(ctx), article.id, { body: 'A late arrival' });
  const third = await ctx.inject({ url: `${url}?limit=2&cursor=${second.json().next_cursor}` });
  t.same(third.json().data.map((c: Listed) => c.body), [bodies[4], 'A late arrival'], 'a new comment joins at the end');

  const newest = await ctx.inject({ url: `${url}?order=newest&limit=3` });
  t.same(newest.json().data.map((c: Listed) => c.body), ['A late arrival', bodies[4], bodies[3]]);
  const older = await ctx.inject({ url: `${url}?order=newest&limit=3&cursor=${newest.json().next_cursor}` });
  t.same(older.json().data.map((c: Listed) => c.body), [bodies[2], bodies[1], bodies[0]]);
  t.equal(older.json().next_cursor, null);
  t.notOk(newest.body.includes('verdicts') || newest.body.includes('"status"'), 'no moderation internals in public lists');
  t.equal((await ctx.inject({ url: `${url}?cursor=garbage` })).statusCode, 400);
  t.equal((await ctx.inject({ url: `${url}?view=tree` })).statusCode, 400);
  t.equal((await ctx.inject({ url: '/v1/articles/unknown/comments' })).statusCode, 404);
  const draft = await createArticle(ctx);
  t.equal((await ctx.inject({ url: `/v1/articles/${draft.id}/comments` })).statusCode, 404, 'no comments of unpublished articles');
});

t.test('thread view: top-level comments with replies nested, a removed parent keeps its place without its text', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_PER_MINUTE: '100' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  const post = async (body: string, parent?: { id: string }) => {
    clock.advance(1000);
    return postComment(ctx, reader, article.id, { body, ...(parent ? { parent_id: parent.id } : {}) });
  };
  const a = await post('A: the summit');
  const b = await post('B: the air force');
  const a1 = await post('A1: agreed', a);
  const a1x = await post('A1x: and also', a1);
  const a2 = await post('A2: disagree', a);
  await post('B1: cyber threats', b);
  const c = await post('C: nobody replies');
  await post('C-spam: what sh1t');

  let thread!: Awaited<ReturnType<typeof ctx.inject>>;
  const queries = await captureQueries(ctx.database, async () => {
    thread = await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread` });
  });
  t.equal(thread.statusCode, 200);
  const data = thread.json().data as Listed[];
  t.same(data.map((node) => node.body), [a.body, b.body, c.body]);
  t.same(data[0]?.replies?.map((node) => node.body), [a1.body, a2.body]);
  t.same(data[0]?.replies?.[0]?.replies?.map((node) => node.body), [a1x.body]);
  t.same(data.map((node) => node.reply_count), [3, 1, 0]);
  const onComments = queries.filter((q) => /from "comments"/.test(q.sql));
  t.equal(onComments.filter((q) => /count\(\*\)/.test(q.sql)).length, 1, 'one statement counts the replies of every thread on the page');
  t.equal(onComments.filter((q) => /"comments"."root_seq" = \?/.test(q.sql)).length, 2, 'replies are read for the two threads that have some, not for C');

  await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${a1.id}/decision`, headers: moderator, payload: { decision: 'reject', reason: 'Off topic' } });
  await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${b.id}/decision`, headers: moderator, payload: { decision: 'spam', reason: 'Advert' } });
  const after = await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread&order=newest` });
  const nodes = after.json().data as Listed[];
  t.same(nodes.map((node) => node.body), [c.body, null, a.body], 'newest first; a removed thread starter with public replies stays');
  t.match(nodes[1], { id: b.id, removed: true, author: null, body: null, body_html: null, replies: [{ body: 'B1: cyber threats' }] });
  const removed = nodes[2]?.replies?.[0];
  t.match(removed, { id: a1.id, removed: true, body: null, replies: [{ id: a1x.id, parent_id: a1.id, body: a1x.body }] });
  t.notOk(after.body.includes('A1: agreed') || after.body.includes('B: the air force'), 'no text of removed comments leaks');
  t.notOk(after.body.includes('sh1t'));

  const flat = await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=flat` });
  t.match(flat.json().data.find((row: Listed) => row.id === a1x.id), { parent_id: a1.id, depth: 2 }, 'flat: the reply names its parent only');

  const replies = await ctx.inject({ url: `/v1/articles/${article.id}/comments?thread=${a.id}&limit=1` });
  t.same(replies.json().data.map((row: Listed) => row.body), [a1x.body], 'one thread, flat, paginated');
  const rest = await ctx.inject({ url: `/v1/articles/${article.id}/comments?thread=${a.id}&cursor=${replies.json().next_cursor}` });
  t.same(rest.json().data.map((row: Listed) => row.body), [a2.body]);
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}/comments?thread=${a1x.id}` })).statusCode, 400, 'thread names a top-level comment');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread&thread=${a.id}` })).statusCode, 400);

  const paged = await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread&limit=1` });
  t.equal(paged.json().data.length, 1);
  const next = await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread&limit=2&cursor=${paged.json().next_cursor}` });
  t.same(next.json().data.map((node: Listed) => node.id), [b.id, c.id]);
});

t.test('a comment page is kept until something commits; the clock alone can close its discussion', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_AUTOCLOSE_DAYS: '3', COMMENTS_PER_MINUTE: '100' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const first = await postComment(ctx, reader, article.id, { body: 'First: the summit matters.' });
  const url = `/v1/articles/${article.slug}/comments?view=flat`;
  const page = async () => {
    const res = await ctx.inject({ url });
    t.equal(res.statusCode, 200);
    return res.json();
  };
  t.same((await page()).data.map((c: Listed) => c.body), [first.body]);
  const repeat = await captureQueries(ctx.database, () => ctx.inject({ url }));
  t.same(repeat.filter((q) => /from "(comments|articles)"/.test(q.sql)), [], 'a repeated read runs no query on comments or articles');

  const second = await postComment(ctx, reader, article.id, { body: 'Second: so does the air force.' });
  const afterPost = await page();
  t.same(afterPost.data.map((c: Listed) => c.body), [first.body, second.body], 'a new comment shows at once');
  t.equal(afterPost.discussion.comment_count, 2);

  const other = openDatabase(ctx.config.databasePath);
  t.teardown(() => other.close());
  other.sqlite.prepare("update comments set body = 'Changed elsewhere.', body_html = '<p>Changed elsewhere.</p>' where id = ?").run(first.id);
  await otherProcessCommitsShow();
  t.equal((await page()).data[0].body, 'Changed elsewhere.', "another process's commit shows");

  t.equal((await page()).discussion.mode, 'open');
  clock.advance(3 * 24 * 60 * 60 * 1000);
  t.equal((await page()).discussion.mode, 'closed', 'the discussion closes at its time, with no commit between');

  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { status: 'archived' } });
  t.equal((await ctx.inject({ url })).statusCode, 404, 'an unpublished article has no public comments');
});

t.test('a comment page has an ETag that caches revalidate each time: 304 until the page changes', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_AUTOCLOSE_DAYS: '3', COMMENTS_PER_MINUTE: '100' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  await postComment(ctx, reader, article.id, { body: 'First: the summit matters.' });
  const url = `/v1/articles/${article.slug}/comments`;

  const first = await ctx.inject({ url });
  t.equal(first.statusCode, 200);
  t.match(first.headers.etag, /^"[\w-]{22}"$/, 'a strong tag');
  t.equal(first.headers['cache-control'], 'public, no-cache', 'stores may keep it, and must ask before each use');
  t.match(first.headers.vary, /Authorization/);
  t.notOk(first.headers['last-modified'], 'no date names a page: a removed comment changes it without one');
  const etag = first.headers.etag as string;
  t.equal((await ctx.inject({ url })).headers.etag, etag, 'the same page, the same tag');

  const revalidated = await ctx.inject({ url, headers: { 'if-none-match': etag } });
  t.equal(revalidated.statusCode, 304);
  t.equal(revalidated.body, '', 'no body');
  t.equal(revalidated.headers.etag, etag);
  t.equal((await ctx.inject({ url, headers: { 'if-none-match': `W/${etag}, "other"` } })).statusCode, 304, 'weak comparison, in a list');
  t.equal((await ctx.inject({ url, headers: { 'if-none-match': '"other"' } })).statusCode, 200);
  const signedIn = await ctx.inject({ url, headers: { ...reader.headers, 'if-none-match': etag } });
  t.equal(signedIn.statusCode, 304, 'a reader gets the same page');
  t.equal(signedIn.headers['cache-control'], 'private, no-cache', "but only the reader's own cache keeps it");

  await postComment(ctx, reader, article.id, { body: 'Second: so does the air force.' });
  const afterPost = await ctx.inject({ url, headers: { 'if-none-match': etag } });
  t.equal(afterPost.statusCode, 200, 'a new comment makes a new page');
  t.not(afterPost.headers.etag, etag);
  t.equal(afterPost.json().data.length, 2);

  const open = afterPost.headers.etag as string;
  clock.advance(3 * 24 * 60 * 60 * 1000);
  const closed = await ctx.inject({ url, headers: { 'if-none-match': open } });
  t.equal(closed.statusCode, 200, 'the discussion closing by the clock changes the page');
  t.equal(closed.json().discussion.mode, 'closed');
  t.equal((await ctx.inject({ url: `${url}?limit=1`, headers: { 'if-none-match': closed.headers.etag as string } })).statusCode, 200, 'another page, another tag');
});

t.test('a long thread nests its first 50 replies and counts them all', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_PER_MINUTE: '100' } });
  const article = await createArticle(ctx, { status: 'published' });
  const readers = [await createReader(ctx), await createReader(ctx)];
  const starter = await postComment(ctx, readers[0]!, article.id);
  for (let i = 0; i < 55; i++) {
    clock.advance(1000);
    await postComment(ctx, readers[i % 2]!, article.id, { parent_id: starter.id });
  }
  const node = (await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread` })).json().data[0];
  t.equal(node.replies.length, 50);
  t.equal(node.reply_count, 55);
});

t.test('bodies are never trusted as HTML', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const body = '<script>alert(1)</script> <img src=x onerror="alert(2)"> & <a href="javascript:alert(3)">click</a>';
  const posted = await postComment(ctx, reader, article.id, { body });
  t.equal(posted.body, body, 'the text comes back as written, as a JSON string');
  t.equal(
    posted.body_html,
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;</p>',
  );
  const listed = await ctx.inject({ url: `/v1/articles/${article.id}/comments` });
  t.match(listed.headers['content-type'], /^application\/json/);
  t.notMatch(listed.json().data[0].body_html, /<(script|img|a )/);
});

t.test('comment counts of many articles at once, without a key, published ones only', async (t) => {
  const ctx = await buildTestApp(t);
  const reader = await createReader(ctx);
  const one = await createArticle(ctx, { status: 'published' });
  const two = await createArticle(ctx, { status: 'published' });
  const draft = await createArticle(ctx);
  await postComment(ctx, reader, one.id);
  await postComment(ctx, reader, one.id);
  await postComment(ctx, reader, two.id, { body: 'what sh1t' });
  const res = await ctx.inject({ url: `/v1/comment-counts?article=${two.slug}&article=${one.id}&article=${draft.id}&article=nope&article=${one.slug}` });
  t.equal(res.statusCode, 200);
  t.same(res.json().data, [
    { id: two.id, slug: two.slug, comment_count: 0 },
    { id: one.id, slug: one.slug, comment_count: 2 },
  ]);
  const single = await ctx.inject({ url: `/v1/comment-counts?article=${one.slug}` });
  t.same(single.json().data, [{ id: one.id, slug: one.slug, comment_count: 2 }]);
  t.equal((await ctx.inject({ url: '/v1/comment-counts' })).statusCode, 400);
  const tooMany = Array.from({ length: 101 }, (_, i) => `article=a${i}`).join('&');
  t.equal((await ctx.inject({ url: `/v1/comment-counts?${tooMany}` })).statusCode, 400);
});

t.test('counts asked for again are answered without a query until something commits; a go-live shows by the clock', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const reader = await createReader(ctx);
  const one = await createArticle(ctx, { status: 'published' });
  const later = await createArticle(ctx, { status: 'published', published_at: '2026-11-28T10:00:00.000Z' });
  const url = `/v1/comment-counts?article=${one.slug}&article=${later.slug}`;
  const counts = async () => (await ctx.inject({ url })).json().data;
  // One key holding both slugs, asked first, must not answer for the two keys asked next.
  const joined = await ctx.inject({ url: `/v1/comment-counts?article=${encodeURIComponent(`${one.slug} ${later.slug}`)}` });
  t.same(joined.json().data, [], 'one key holding two slugs matches nothing');
  t.same(await counts(), [{ id: one.id, slug: one.slug, comment_count: 0 }], 'a scheduled article is not counted yet');
  const repeat = await captureQueries(ctx.database, () => ctx.inject({ url }));
  t.same(repeat.filter((q) => /from "articles"/.test(q.sql)), [], 'the same keys again: no query');

  await postComment(ctx, reader, one.id);
  t.same(await counts(), [{ id: one.id, slug: one.slug, comment_count: 1 }], 'a new comment counts at once');
  clock.advance(60 * 60 * 1000);
  t.same(
    await counts(),
    [
      { id: one.id, slug: one.slug, comment_count: 1 },
      { id: later.id, slug: later.slug, comment_count: 0 },
    ],
    'the scheduled article is counted once its time comes',
  );
});

t.test('the discussion policy is published with its limits', async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_AUTOCLOSE_DAYS: '14' } });
  const res = await ctx.inject({ url: '/v1/discussion-policy' });
  t.equal(res.statusCode, 200);
  const policy = res.json();
  t.same(policy.rules.map((rule: { code: string }) => rule.code), [
    'threat', 'death-wish', 'personal-attack', 'profanity', 'link-spam', 'unvetted-link', 'shouting', 'repetition', 'duplicate', 'flood',
  ]);
  t.match(policy.rules[3], { code: 'profanity', action: 'hold', description: /disguised spellings/ });
  t.same(policy.limits, {
    body_max_length: 5000,
    thread_max_depth: 5,
    comments_per_minute: 5,
    edit_window_minutes: 15,
    flag_threshold: 3,
    autoclose_days: 14,
  });
});
