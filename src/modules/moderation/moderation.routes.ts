import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setNextLink } from '../../lib/links.js';
import { problemResponses } from '../../lib/problem.js';
import { jsonResponse } from '../../lib/schemas.js';
import { toIso, toIsoOrNull, type Clock } from '../../lib/time.js';
import { requireRole, SECURITY } from '../../plugins/auth.js';
import { CommentIdParams } from '../comments/comments.schemas.js';
import { toReaderProfile } from '../readers/reader-resource.js';
import { ReaderIdParams, ReaderProfileSchema } from '../readers/readers.schemas.js';
import { type Actor, toLogEntry } from './moderation-log.js';
import {
  BlockBody,
  DecisionBody,
  LogPage,
  LogQuery,
  ModeratedCommentPage,
  ModeratedCommentSchema,
  QueueQuery,
  UnblockQuery,
} from './moderation.schemas.js';
import type { ModeratedComment, ModerationService } from './moderation.service.js';

const TAGS = ['moderation'];

function toModeratedComment(found: ModeratedComment, now: number) {
  const { row } = found;
  return {
    id: row.id,
    article: found.article,
    parent_id: found.parentId,
    depth: row.depth,
    author: toReaderProfile(found.author, now),
    body: row.body,
    body_html: row.bodyHtml,
    status: row.status,
    verdicts: row.verdicts,
    hidden_by_flags: row.flaggedAt !== null,
    flags: found.flags.map((flag) => ({ reader_id: flag.readerId, reason: flag.reason, note: flag.note, created_at: toIso(flag.createdAt) })),
    revisions: found.revisions.map((revision) => ({ body: revision.body, replaced_at: toIso(revision.replacedAt) })),
    created_at: toIso(row.createdAt),
    edited_at: toIsoOrNull(row.editedAt),
    status_changed_at: toIso(row.statusAt),
  };
}

const moderatorOf = (request: FastifyRequest): Actor => ({
  kind: 'moderator',
  id: request.principal?.kind === 'staff' ? request.principal.keyId : null,
});

export const moderationRoutes: FastifyPluginAsyncZod<{ moderation: ModerationService; clock: Clock }> = async (app, { moderation, clock }) => {
  app.get('/v1/moderation/comments', {
    onRequest: requireRole('moderator'),
    schema: {
      operationId: 'listModerationQueue',
      summary: 'The moderation queue, oldest first',
      description: 'Comments waiting for a decision: held by the policy, on premoderated articles, or hidden by readers’ flags.',
      tags: TAGS,
      security: SECURITY.staff,
      querystring: QueueQuery,
      response: { 200: jsonResponse(ModeratedCommentPage, 'A page of the queue'), ...problemResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const page = moderation.queue(request.query);
      const now = clock();
      setNextLink(request, reply, page.nextCursor);
      return { data: page.rows.map((found) => toModeratedComment(found, now)), next_cursor: page.nextCursor };
    },
  });

  app.post('/v1/moderation/comments/:id/decision', {
    onRequest: requireRole('moderator'),
    schema: {
      operationId: 'decideComment',
      summary: 'Approve, reject, mark as spam or delete a comment, with a reason',
      description: 'A move the comment status table does not allow (e.g. approving an approved comment) is a 409. The decision resolves the comment’s flags.',
      tags: TAGS,
      security: SECURITY.staff,
      params: CommentIdParams,
      body: DecisionBody,
      response: { 200: jsonResponse(ModeratedCommentSchema, 'The comment after the decision'), ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
    },
    handler: async (request) => toModeratedComment(moderation.decide(request.params.id, request.body, moderatorOf(request)), clock()),
  });

  app.post('/v1/moderation/readers/:id/block', {
    onRequest: requireRole('moderator'),
    schema: {
      operationId: 'blockReader',
      summary: 'Block a reader from posting, editing and flagging',
      description: 'Blocking a blocked reader replaces the reason and end of the block.',
      tags: TAGS,
      security: SECURITY.staff,
      params: ReaderIdParams,
      body: BlockBody,
      response: { 200: jsonResponse(ReaderProfileSchema, 'The blocked reader'), ...problemResponses(400, 401, 403, 404, 413, 415) },
    },
    handler: async (request) => toReaderProfile(moderation.block(request.params.id, request.body, moderatorOf(request)), clock()),
  });

  app.delete('/v1/moderation/readers/:id/block', {
    onRequest: requireRole('moderator'),
    schema: {
      operationId: 'unblockReader',
      summary: 'Lift a reader’s block',
      tags: TAGS,
      security: SECURITY.staff,
      params: ReaderIdParams,
      querystring: UnblockQuery,
      response: { 200: jsonResponse(ReaderProfileSchema, 'The reader, active again'), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => toReaderProfile(moderation.unblock(request.params.id, request.query.reason, moderatorOf(request)), clock()),
  });

  app.get('/v1/moderation/log', {
    onRequest: requireRole('moderator'),
    schema: {
      operationId: 'listModerationLog',
      summary: 'Every moderation decision and block, newest first',
      description: 'Append-only: who decided (a moderator’s key, the policy, the system or the author), what, and why.',
      tags: TAGS,
      security: SECURITY.staff,
      querystring: LogQuery,
      response: { 200: jsonResponse(LogPage, 'A page of the log'), ...problemResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const page = moderation.log(request.query);
      setNextLink(request, reply, page.nextCursor);
      return { data: page.rows.map(toLogEntry), next_cursor: page.nextCursor };
    },
  });
};
