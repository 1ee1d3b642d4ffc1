import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { GroupCommit } from '../../db/group-commit.js';
import type { CommentSettings } from '../../config.js';
import { NotModified } from '../../lib/http-cache.js';
import { problemResponses } from '../../lib/problem.js';
import type { RenderCache, RenderCacheLimits } from '../../lib/render-cache.js';
import { jsonResponse, NoContent } from '../../lib/schemas.js';
import { readerIdOf, requireReader, SECURITY } from '../../plugins/auth.js';
import type { CommentListsService } from './comment-lists.service.js';
import { toCommentList, toFlag, toPostedComment } from './comment-resource.js';
import { IdOrSlugParams } from '../articles/articles.schemas.js';
import {
  CommentCountsQuery,
  CommentCountsSchema,
  CommentIdParams,
  CommentListSchema,
  DiscussionPolicySchema,
  EditCommentBody,
  FlagBody,
  FlagSchema,
  ListCommentsQuery,
  MAX_BODY_LENGTH,
  PostCommentBody,
  PostedCommentSchema,
} from './comments.schemas.js';
import type { CommentsService } from './comments.service.js';
import { MAX_DEPTH } from './discussion.js';
import type { FlagsService } from './flags.service.js';
import { DISCUSSION_POLICY_RULES } from './policy/rules.js';

const TAGS = ['comments'];

interface CommentsRoutesOptions {
  comments: CommentsService;
  /** Posts are committed in groups: under load, many share one COMMIT. */
  groupCommit: GroupCommit;
  flags: FlagsService;
  lists: CommentListsService;
  settings: CommentSettings;
  /** The database's generation (src/db/generation.ts): what a kept page is valid under. */
  generation: () => number | null;
  /** Pages of comments, kept apart from other rendered reads: a busy discussion makes a new key for every post. */
  rendered: RenderCache;
}

/** What comment pages may keep: each article page's first pages, in few megabytes. */
export const COMMENT_PAGES_KEPT: RenderCacheLimits = { maxEntries: 500, maxBytes: 8 * 1024 * 1024 };

export const commentsRoutes: FastifyPluginAsyncZod<CommentsRoutesOptions> = async (app, { comments, groupCommit, flags, lists, settings, generation, rendered }) => {
  app.get('/v1/articles/:id/comments', {
    schema: {
      operationId: 'listComments',
      summary: 'Public comments of a published article',
      description:
        'Approved comments only, keyset-paginated. `view=thread` pages through top-level comments with up to 50 replies ' +
        'nested under each; `discussion` says whether the article takes comments. Each page has an ETag: caches must ' +
        'revalidate it on every use (`no-cache`), and a request with its tag in If-None-Match gets a 304 without a body.',
      tags: TAGS,
      security: SECURITY.public,
      params: IdOrSlugParams,
      querystring: ListCommentsQuery,
      response: { 200: jsonResponse(CommentListSchema, 'A page of comments'), 304: NotModified, ...problemResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      // An article's comments change with every post, edit, decision and rename, so a page is
      // kept under the database's generation: any commit makes a new key. What moves with the
      // clock alone, the article going public and its discussion closing, is in the key too.
      // The generation is read first: a commit after it makes the page newer than its key, never older.
      const at = generation();
      const context = lists.publicDiscussion(request.params.id);
      const key = at === null ? null : `comments ${at} ${context.discussion.mode} ${request.url}`;
      return rendered.sendTagged(request, reply, key, () => {
        const list = lists.list(context, request.query);
        return { payload: toCommentList(list), nextCursor: list.page.nextCursor };
      });
    },
  });

  app.post('/v1/articles/:id/comments', {
    onRequest: requireReader,
    schema: {
      operationId: 'postComment',
      summary: 'Post a comment or a reply; the discussion policy decides at once',
      description:
        'Answers 201 with `status`: approved (public now), pending (waits for a moderator) or rejected, and with the ' +
        '`verdicts` and a `message` saying why. The same text again is a 409 `duplicate`; too many comments a minute a ' +
        '429 `flood` with Retry-After; a closed discussion or a blocked reader a 403.',
      tags: TAGS,
      security: SECURITY.reader,
      params: IdOrSlugParams,
      body: PostCommentBody,
      response: { 201: jsonResponse(PostedCommentSchema, 'The comment and what the policy decided'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429) },
    },
    handler: async (request, reply) => {
      const readerId = readerIdOf(request);
      const written = await groupCommit.run(() => comments.post(request.params.id, readerId, request.body));
      return reply.code(201).send(toPostedComment(written));
    },
  });

  app.patch('/v1/comments/:id', {
    onRequest: requireReader,
    schema: {
      operationId: 'editComment',
      summary: "Edit one's own comment within the edit window; the policy checks it again",
      description: 'The previous text is kept for moderators. An edit may send a published comment back to the moderation queue.',
      tags: TAGS,
      security: SECURITY.reader,
      params: CommentIdParams,
      body: EditCommentBody,
      response: { 200: jsonResponse(PostedCommentSchema, 'The edited comment and what the policy decided'), ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
    },
    handler: async (request) => toPostedComment(comments.edit(request.params.id, readerIdOf(request), request.body.body)),
  });

  app.delete('/v1/comments/:id', {
    onRequest: requireReader,
    schema: {
      operationId: 'deleteComment',
      summary: "Delete one's own comment",
      tags: TAGS,
      security: SECURITY.reader,
      params: CommentIdParams,
      response: { 204: NoContent, ...problemResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      comments.remove(request.params.id, readerIdOf(request));
      return reply.code(204).send();
    },
  });

  app.post('/v1/comments/:id/flags', {
    onRequest: requireReader,
    schema: {
      operationId: 'flagComment',
      summary: 'Report a comment to the moderators',
      description: 'One flag per reader and comment. Enough unresolved flags (`flag_threshold` in the discussion policy) hide a comment until a moderator decides.',
      tags: TAGS,
      security: SECURITY.reader,
      params: CommentIdParams,
      body: FlagBody,
      response: { 201: jsonResponse(FlagSchema, 'The flag'), ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
    },
    handler: async (request, reply) => {
      const flag = flags.flag(request.params.id, readerIdOf(request), request.body);
      return reply.code(201).send(toFlag(flag, request.params.id));
    },
  });

  app.get('/v1/comment-counts', {
    schema: {
      operationId: 'getCommentCounts',
      summary: 'Approved comment counts of many articles at once',
      tags: TAGS,
      security: SECURITY.public,
      querystring: CommentCountsQuery,
      response: { 200: jsonResponse(CommentCountsSchema, 'The counts of the published articles asked for'), ...problemResponses(400, 401) },
    },
    handler: async (request) => ({
      data: lists.counts(request.query.article).map((row) => ({ id: row.id, slug: row.slug, comment_count: row.commentCount })),
    }),
  });

  app.get('/v1/discussion-policy', {
    schema: {
      operationId: 'getDiscussionPolicy',
      summary: 'The rules comments are held or rejected by, and the limits that apply',
      tags: TAGS,
      security: SECURITY.public,
      response: { 200: jsonResponse(DiscussionPolicySchema, 'The discussion policy'), ...problemResponses(401) },
    },
    handler: async () => ({
      rules: DISCUSSION_POLICY_RULES.map(({ code, description, action }) => ({ code, description, action })),
      limits: {
        body_max_length: MAX_BODY_LENGTH,
        thread_max_depth: MAX_DEPTH,
        comments_per_minute: settings.perMinute,
        edit_window_minutes: settings.editWindowMs / 60_000,
        flag_threshold: settings.flagThreshold,
        autoclose_days: settings.autocloseDays,
      },
    }),
  });
};
