import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { buildTestApp, testClock } from '../../helper.js';

t.test('the author edits within the window; the old text is kept and the policy checks the new one', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  const comment = await postComment(ctx, reader, article.id, { body: 'The summit adopted 21 documents.' });
  clock.advance(60_000);
  const edit = (body: string) => ctx.inject({ method: 'PATCH', url: `/v1/comments/${comment.id}`, headers: reader.headers, payload: { body } });

  const fixed = await edit('The summit adopted 22 documents.');
  t.equal(fixed.statusCode, 200);
  t.match(fixed.json(), { id: comment.id, body: 'The summit adopted 22 documents.', status: 'approved', edited_at: '2026-11-28T09:01:00.000Z' });
  const listed = (await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data[0];
  t.match(listed, { body: 'The summit adopted 22 documents.', edited_at: '2026-11-28T09:01:00.000Z' });

  const worse = await edit('The summit adopted 22 documents, you idiot.');
  t.match(worse.json(), { status: 'pending', verdicts: [{ code: 'personal-attack' }] }, 'an edit that breaks a rule goes back to the queue');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).json().comment_count, 0);
  t.same((await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data, []);

  const queued = (await ctx.inject({ url: '/v1/moderation/comments', headers: moderator })).json().data[0];
  t.same(queued.revisions.map((r: { body: string }) => r.body), ['The summit adopted 21 documents.', 'The summit adopted 22 documents.']);
  const log = (await ctx.inject({ url: `/v1/moderation/log?comment=${comment.id}`, headers: moderator })).json().data;
  t.match(log, [{ action: 'hold', actor: { kind: 'policy' }, from_status: 'approved', to_status: 'pending', reason: /^After an edit: The discussion policy held it/ }]);

  const cleanAgain = await edit('The summit adopted 22 documents. Sorry.');
  t.equal(cleanAgain.json().status, 'pending', 'editing a waiting comment never skips the queue');

  const threat = await edit('I know where you live.');
  t.match(threat.json(), { status: 'rejected', verdicts: [{ code: 'threat' }] });
  const refused = await edit('Never mind.');
  t.equal(refused.statusCode, 409, 'a rejected comment cannot be edited');
  t.equal(refused.json().code, 'not-editable');
});

t.test('a first published comment does not vet the links edited into it', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const comment = await postComment(ctx, reader, article.id, { body: 'Interesting summit.' });
  const res = await ctx.inject({ method: 'PATCH', url: `/v1/comments/${comment.id}`, headers: reader.headers, payload: { body: 'Interesting summit. Cheap pills at pills.example.com' } });
  t.match(res.json(), { status: 'pending', verdicts: [{ code: 'unvetted-link' }] });
  const second = await postComment(ctx, reader, article.id, { body: 'Another remark.' });
  const moderator = await ctx.keyFor('moderator');
  await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${comment.id}/decision`, headers: moderator, payload: { decision: 'approve', reason: 'A known pharmacy' } });
  const linked = await ctx.inject({ method: 'PATCH', url: `/v1/comments/${second.id}`, headers: reader.headers, payload: { body: 'See https://armenpress.am/ for more.' } });
  t.match(linked.json(), { status: 'approved', verdicts: [] }, 'another approved comment vets the reader');
});

t.test('edits of approved comments on premoderated articles wait for a moderator', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published', comments_mode: 'premoderated' });
  const reader = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  const comment = await postComment(ctx, reader, article.id);
  await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${comment.id}/decision`, headers: moderator, payload: { decision: 'approve', reason: 'fine' } });
  const res = await ctx.inject({ method: 'PATCH', url: `/v1/comments/${comment.id}`, headers: reader.headers, payload: { body: 'Something else entirely.' } });
  t.match(res.json(), { status: 'pending', verdicts: [], message: /every comment on this article is reviewed first/ });
});

t.test('edit rules: the author only, within the window, same text is no change, no duplicates', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_EDIT_WINDOW_MINUTES: '10' } });
  const article = await createArticle(ctx, { status: 'published' });
  const author = await createReader(ctx);
  const stranger = await createReader(ctx);
  await postComment(ctx, author, article.id, { body: 'First thought.' });
  const comment = await postComment(ctx, author, article.id, { body: 'Second thought.' });
  const edit = (headers: Record<string, string>, body: string, id = comment.id) => ctx.inject({ method: 'PATCH', url: `/v1/comments/${id}`, headers, payload: { body } });

  t.equal((await edit(stranger.headers, 'Mine now')).statusCode, 403, "someone else's comment");
  t.equal((await edit(author.headers, 'x', '01900000-0000-7000-8000-000000000000')).statusCode, 404);
  t.equal((await edit(author.headers, '')).statusCode, 400);
  const duplicate = await edit(author.headers, 'first thought');
  t.equal(duplicate.statusCode, 409);
  t.equal(duplicate.json().code, 'duplicate');
  const same = await edit(author.headers, 'Second thought.');
  t.equal(same.statusCode, 200);
  t.equal(same.json().edited_at, null, 'the same text is not an edit');
  t.equal((ctx.database.sqlite.prepare('select count(*) as n from comment_revisions').get() as { n: number }).n, 0);

  clock.advance(10 * 60_000 + 1);
  const late = await edit(author.headers, 'Third thought.');
  t.equal(late.statusCode, 403);
  t.match(late.json(), { code: 'edit-window-closed', detail: 'A comment can be edited for 10 minutes after it is posted' });
});

t.test('the author deletes a comment at any time: it leaves the public lists and the count', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const article = await createArticle(ctx, { status: 'published' });
  const author = await createReader(ctx);
  const stranger = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  const comment = await postComment(ctx, author, article.id, { body: 'Something I regret.' });
  clock.advance(7 * 24 * 3600_000);
  const remove = (headers: Record<string, string>) => ctx.inject({ method: 'DELETE', url: `/v1/comments/${comment.id}`, headers });

  t.equal((await remove(stranger.headers)).statusCode, 403);
  t.equal((await remove(moderator)).statusCode, 403, 'moderators delete by decision, not through the reader route');
  t.equal((await remove(author.headers)).statusCode, 204);
  t.equal((await remove(author.headers)).statusCode, 404, 'gone for its author too');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).json().comment_count, 0);
  const listed = await ctx.inject({ url: `/v1/articles/${article.id}/comments` });
  t.notOk(listed.body.includes('Something I regret'));
  const log = (await ctx.inject({ url: `/v1/moderation/log?comment=${comment.id}`, headers: moderator })).json().data;
  t.match(log, [{ action: 'delete', actor: { kind: 'reader', id: author.id }, from_status: 'approved', to_status: 'deleted' }]);
  const revived = await ctx.inject({ method: 'PATCH', url: `/v1/comments/${comment.id}`, headers: author.headers, payload: { body: 'back' } });
  t.equal(revived.statusCode, 404, 'a deleted comment cannot be edited back');
});

t.test('a blocked reader cannot edit, but may delete', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  const comment = await postComment(ctx, reader, article.id);
  await ctx.inject({ method: 'POST', url: `/v1/moderation/readers/${reader.id}/block`, headers: moderator, payload: { reason: 'Spam' } });
  const edited = await ctx.inject({ method: 'PATCH', url: `/v1/comments/${comment.id}`, headers: reader.headers, payload: { body: 'changed' } });
  t.equal(edited.statusCode, 403);
  t.equal(edited.json().code, 'reader-blocked');
  t.equal((await ctx.inject({ method: 'DELETE', url: `/v1/comments/${comment.id}`, headers: reader.headers })).statusCode, 204);
});

t.test('no edits once the discussion is closed or the article unpublished', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const comment = await postComment(ctx, reader, article.id);
  const edit = () => ctx.inject({ method: 'PATCH', url: `/v1/comments/${comment.id}`, headers: reader.headers, payload: { body: 'changed' } });
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { comments_mode: 'closed' } });
  t.equal((await edit()).json().code, 'comments-closed');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { comments_mode: 'open', status: 'draft' } });
  t.equal((await edit()).statusCode, 404);
});
