import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { buildTestApp, testClock } from '../../helper.js';

const count = (ctx: { database: { sqlite: { prepare(sql: string): { get(): unknown } } } }, table: string) =>
  (ctx.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

t.test('a clean comment is published at once and counted on the article', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx, { display_name: 'Anahit' });
  const etag = (await ctx.inject({ url: `/v1/articles/${article.id}` })).headers.etag;
  const res = await ctx.inject({
    method: 'POST',
    url: `/v1/articles/${article.slug}/comments`,
    headers: reader.headers,
    payload: { body: '  The summit adopted 22 documents.\n\nA good day for the region.  ' },
  });
  t.equal(res.statusCode, 201);
  t.match(res.json(), {
    article_id: article.id,
    parent_id: null,
    depth: 0,
    author: { id: reader.id, display_name: 'Anahit' },
    body: 'The summit adopted 22 documents.\n\nA good day for the region.',
    body_html: '<p>The summit adopted 22 documents.</p>\n<p>A good day for the region.</p>',
    status: 'approved',
    verdicts: [],
    message: 'Your comment is published.',
    edited_at: null,
  });
  const after = await ctx.inject({ url: `/v1/articles/${article.id}` });
  t.equal(after.json().comment_count, 1);
  t.not(after.headers.etag, etag, 'the article ETag follows its comment count');
  t.equal((await ctx.inject({ url: '/v1/readers/me', headers: reader.headers })).json().approved_comments, 1);
});

t.test('the reply says whether the policy held or rejected a comment, and why', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const held = await postComment(ctx, reader, article.id, { body: 'This is f.u.c.k ridiculous' });
  t.match(held, {
    status: 'pending',
    verdicts: [{ code: 'profanity', action: 'hold', detail: 'matched "f.u.c.k"' }],
    message: /once a moderator has approved it: it may break the discussion policy \(profanity/,
  });
  const rejected = await postComment(ctx, reader, article.id, { body: 'I know where you live.' });
  t.match(rejected, { status: 'rejected', verdicts: [{ code: 'threat', action: 'reject' }], message: /was not published because it breaks/ });
  const attack = await postComment(ctx, reader, article.id, { body: 'you are an idiot' });
  t.match(attack.verdicts, [{ code: 'personal-attack', action: 'hold' }]);
  const links = await postComment(ctx, reader, article.id, { body: 'Read https://example.com/a first' });
  t.match(links.verdicts, [{ code: 'unvetted-link' }], 'a reader with no approved comment may not post links unreviewed');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).json().comment_count, 0, 'none of them counts');
  t.same((await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data, [], 'none of them is public');
});

t.test('names and words that only look rude are published, in any language', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  for (const body of [
    'Scunthorpe and Penistone councils sent a delegation.',
    'Reading Dickens on the train to the summit.',
    'The assassin was never found, the report says.',
    'Կարծում եմ, որ ՀԱՊԿ-ը պետք է ավելի ակտիվ լինի Հարավային Կովկասում։',
    'Саммит ОДКБ в Москве принял 22 документа.',
  ]) {
    t.equal((await postComment(ctx, reader, article.id, { body })).status, 'approved', body);
  }
});

t.test('bad input: nothing is stored', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const other = await createArticle(ctx, { status: 'published' });
  const draft = await createArticle(ctx);
  const reader = await createReader(ctx);
  const foreign = await postComment(ctx, reader, other.id);
  const before = count(ctx, 'comments');
  const post = (url: string, payload: unknown) => ctx.inject({ method: 'POST', url, headers: reader.headers, payload: payload as object });
  const base = `/v1/articles/${article.id}/comments`;

  t.equal((await post('/v1/articles/no-such-article/comments', { body: 'Hello' })).statusCode, 404, 'unknown article');
  t.equal((await post(`/v1/articles/${draft.id}/comments`, { body: 'Hello' })).statusCode, 404, 'unpublished article');
  const cases: [unknown, string][] = [
    [{ body: '' }, 'body'],
    [{ body: '   \n ' }, 'body'],
    [{ body: 'x'.repeat(5001) }, 'body'],
    [{}, 'body'],
    [{ body: 'Hello', parent_id: 'not-an-id' }, 'parent_id'],
    [{ body: 'Hello', status: 'approved' }, '(root)'],
  ];
  for (const [payload, field] of cases) {
    const res = await post(base, payload);
    t.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 60));
    t.match(res.json().errors, [{ in: 'body', field }]);
  }
  const crossed = await post(base, { body: 'Hello', parent_id: foreign.id });
  t.equal(crossed.statusCode, 400, 'a reply to a comment of another article');
  t.match(crossed.json().errors, [{ field: 'parent_id', message: 'is not a comment on this article' }]);
  t.equal((await post(base, { body: 'Hello', parent_id: '01900000-0000-7000-8000-000000000000' })).statusCode, 400, 'unknown parent');
  t.equal((await postComment(ctx, reader, article.id, { body: 'x'.repeat(5000) })).body.length, 5000, '5,000 characters is fine');
  t.equal(count(ctx, 'comments'), before + 1, 'only the valid comment was stored');
});

t.test('replies nest under published comments, at most five levels deep', async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_PER_MINUTE: '50' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  let parent = await postComment(ctx, reader, article.id);
  for (let depth = 1; depth <= 4; depth++) {
    parent = await postComment(ctx, reader, article.id, { parent_id: parent.id });
    t.equal(parent.depth, depth);
  }
  const tooDeep = await ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body: 'deeper', parent_id: parent.id } });
  t.equal(tooDeep.statusCode, 400);
  t.match(tooDeep.json().errors, [{ field: 'parent_id', message: /at most 5 levels/ }]);

  const held = await postComment(ctx, reader, article.id, { body: 'what sh1t' });
  const toHeld = await ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body: 'reply', parent_id: held.id } });
  t.equal(toHeld.statusCode, 400, 'no replies to a comment that is not public');
  t.match(toHeld.json().errors, [{ message: 'is not a published comment' }]);
});

t.test('comment modes: open, premoderated, closed, and closing by itself', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_AUTOCLOSE_DAYS: '3' } });
  const reader = await createReader(ctx);
  const open = await createArticle(ctx, { status: 'published' });
  const premoderated = await createArticle(ctx, { status: 'published', comments_mode: 'premoderated' });
  const closed = await createArticle(ctx, { status: 'published', comments_mode: 'closed' });

  t.equal((await postComment(ctx, reader, open.id)).status, 'approved');
  const waiting = await postComment(ctx, reader, premoderated.id);
  t.match(waiting, { status: 'pending', verdicts: [], message: /every comment on this article is reviewed first/ });
  t.equal((await postComment(ctx, reader, premoderated.id, { body: 'I will find you.' })).status, 'rejected', 'premoderation does not soften rejections');
  const refused = await ctx.inject({ method: 'POST', url: `/v1/articles/${closed.id}/comments`, headers: reader.headers, payload: { body: 'Hello' } });
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { code: 'comments-closed', detail: 'This article takes no new comments' });

  const listed = await ctx.inject({ url: `/v1/articles/${open.id}/comments` });
  t.same(listed.json().discussion, { mode: 'open', closes_at: '2026-12-01T09:00:00.000Z', comment_count: 1 });

  clock.set('2026-12-01T09:00:00.000Z');
  const late = await ctx.inject({ method: 'POST', url: `/v1/articles/${open.id}/comments`, headers: reader.headers, payload: { body: 'Late to the party' } });
  t.equal(late.statusCode, 403, 'three days after publication the article closes by itself');
  t.match(late.json(), { code: 'comments-closed', detail: /since 2026-12-01T09:00:00.000Z/ });
  t.equal((await ctx.inject({ url: `/v1/articles/${open.id}/comments` })).json().discussion.mode, 'closed');
});

t.test('the same text twice from one reader on one article is a 409 duplicate', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const other = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const someoneElse = await createReader(ctx);
  await postComment(ctx, reader, article.id, { body: 'Great summit, great results!' });
  const again = await ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body: 'great summit — GREAT results' } });
  t.equal(again.statusCode, 409);
  t.match(again.json(), { code: 'duplicate', detail: 'You have already posted this text on this article' });
  t.equal((await postComment(ctx, reader, other.id, { body: 'Great summit, great results!' })).status, 'approved', 'another article is fine');
  t.equal((await postComment(ctx, someoneElse, article.id, { body: 'Great summit, great results!' })).status, 'approved', 'another reader is fine');
  await postComment(ctx, reader, article.id, { body: '👍' });
  t.equal((await postComment(ctx, reader, article.id, { body: '❤️' })).status, 'approved', 'emoji-only comments are compared as written');
});

t.test('more comments a minute than allowed is a 429 with Retry-After', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_PER_MINUTE: '3' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  for (let i = 0; i < 3; i++) {
    await postComment(ctx, reader, article.id);
    clock.advance(10_000);
  }
  const flooded = await ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body: 'One more thing' } });
  t.equal(flooded.statusCode, 429);
  t.equal(flooded.headers['retry-after'], '30', 'the first of the three leaves the minute in 30 s');
  t.match(flooded.json(), { code: 'flood', detail: /At most 3 comments a minute/ });
  t.equal((await postComment(ctx, await createReader(ctx), article.id)).status, 'approved', 'other readers are not slowed down');
  clock.advance(30_000);
  t.equal((await postComment(ctx, reader, article.id, { body: 'One more thing' })).status, 'approved', 'allowed again once the window moved');
});

t.test('a blocked reader cannot post', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  await ctx.inject({ method: 'POST', url: `/v1/moderation/readers/${reader.id}/block`, headers: moderator, payload: { reason: 'Repeated insults' } });
  const res = await ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body: 'Hello again' } });
  t.equal(res.statusCode, 403);
  t.match(res.json(), { code: 'reader-blocked', detail: /until a moderator lifts the block\. Reason: Repeated insults/ });
  t.equal(count(ctx, 'comments'), 0);
});

t.test("deleting an article takes its approved comments out of their authors' approved history", async (t) => {
  const ctx = await buildTestApp(t);
  const doomed = await createArticle(ctx, { status: 'published' });
  const other = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  await postComment(ctx, reader, doomed.id, { body: 'A first, approved remark.' });
  const me = () => ctx.inject({ url: '/v1/readers/me', headers: reader.headers }).then((res) => res.json().approved_comments);
  t.equal(await me(), 1);
  t.equal((await ctx.inject({ method: 'DELETE', url: `/v1/articles/${doomed.id}`, headers: ctx.admin })).statusCode, 204);
  t.equal(await me(), 0, 'the comment went with its article');
  const link = await postComment(ctx, reader, other.id, { body: 'See https://example.com/a for more' });
  t.match(link.verdicts, [{ code: 'unvetted-link' }], 'a reader with no published comment left may not post links unreviewed');
});

t.test('comments posted at the same moment are committed in groups with the same outcomes as one by one', async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_PER_MINUTE: '3' } });
  const article = await createArticle(ctx, { status: 'published' });
  const readers = await Promise.all([1, 2, 3, 4].map(() => createReader(ctx)));
  const post = (reader: { headers: Record<string, string> }, body: string) =>
    ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body } });
  const [a, b, c, d] = readers as [(typeof readers)[0], (typeof readers)[0], (typeof readers)[0], (typeof readers)[0]];

  const answers = await Promise.all([
    post(a, 'The summit went well.'),
    post(a, 'The summit went well!'), // the same text again, in the same instant
    post(b, 'One.'),
    post(b, 'Two.'),
    post(b, 'Three.'),
    post(b, 'Four.'), // over the limit of three a minute
    post(c, 'A reply of sorts.'),
    post(d, 'And another view.'),
  ]);
  t.same(
    answers.map((res) => res.statusCode),
    [201, 409, 201, 201, 201, 429, 201, 201],
    'duplicates and floods are caught within a group as across groups',
  );
  t.equal(count(ctx, 'comments'), 6, 'exactly the accepted comments are stored');
  const listed = (await ctx.inject({ url: `/v1/articles/${article.id}/comments?limit=20` })).json();
  t.equal(listed.data.length, 6);
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).json().comment_count, 6, 'the article counts each once');
});
