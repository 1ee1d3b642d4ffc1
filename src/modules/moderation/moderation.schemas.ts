import { z } from 'zod';
import { isoDateTime, PageQuery, pageOf, text, UUID_LIKE } from '../../lib/schemas.js';
import { ACTOR_KINDS, COMMENT_STATUSES, FLAG_REASONS, MODERATION_ACTIONS } from '../../lib/vocabulary.js';
import { MODERATOR_DECISIONS, type ModeratorDecision } from '../comments/comment-status.js';
import { RULE_CODES, VerdictSchema } from '../comments/comments.schemas.js';
import { ReaderProfileSchema } from '../readers/readers.schemas.js';

const DECISIONS = Object.keys(MODERATOR_DECISIONS) as [ModeratorDecision, ...ModeratorDecision[]];
const Id = (what: string) => z.string().regex(UUID_LIKE, `must be ${what} id`);

export const QueueQuery = PageQuery.extend({
  queue: z
    .enum(['pending', 'flagged'])
    .default('pending')
    .describe('pending: every comment waiting for a decision · flagged: only those hidden by readers’ flags'),
  article: z.string().min(1).max(120).optional().describe('Article id or slug'),
  reader: Id('a reader').optional(),
  rule: z.enum(RULE_CODES).optional().describe('Only comments the policy caught under this rule'),
});
export type QueueFilter = z.infer<typeof QueueQuery>;

export const ModeratedCommentSchema = z
  .object({
    id: z.string(),
    article: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
    parent_id: z.string().nullable(),
    depth: z.number().int(),
    author: ReaderProfileSchema,
    body: z.string(),
    body_html: z.string(),
    status: z.enum(COMMENT_STATUSES),
    verdicts: z.array(VerdictSchema).describe('What the policy found when the text was last written'),
    hidden_by_flags: z.boolean(),
    flags: z
      .array(z.object({ reader_id: z.string(), reason: z.enum(FLAG_REASONS), note: z.string().nullable(), created_at: z.string() }))
      .describe('Flags not yet resolved by a decision'),
    revisions: z.array(z.object({ body: z.string(), replaced_at: z.string() })).describe('Earlier texts, oldest first'),
    created_at: z.string(),
    edited_at: z.string().nullable(),
    status_changed_at: z.string().describe('When it entered its current status; the queue is oldest first by it'),
  })
  .meta({ id: 'ModeratedComment' });

export const ModeratedCommentPage = pageOf(ModeratedCommentSchema);

export const DecisionBody = z
  .object({
    decision: z.enum(DECISIONS).describe('approve: publish · reject: not published · spam: not published, marked spam · delete: removed for good'),
    reason: text(500).describe('Why: it goes to the moderation log'),
  })
  .strict()
  .meta({ id: 'ModerationDecision' });
export type DecisionInput = z.infer<typeof DecisionBody>;

export const BlockBody = z
  .object({
    reason: text(500).describe('Shown to the reader and kept in the moderation log'),
    until: isoDateTime().optional().describe('The block ends by itself at this time; without it, it lasts until lifted'),
  })
  .strict()
  .meta({ id: 'ReaderBlockRequest' });
export type BlockInput = z.infer<typeof BlockBody>;

export const UnblockQuery = z.object({ reason: text(500).optional().describe('Why the block is lifted, for the log') });

export const LogQuery = PageQuery.extend({
  comment: Id('a comment').optional(),
  reader: Id('a reader').optional(),
  action: z.enum(MODERATION_ACTIONS).optional(),
});
export type LogFilter = z.infer<typeof LogQuery>;

export const LogEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({
      kind: z.enum(ACTOR_KINDS),
      id: z.string().nullable().describe("The moderator's API key id, or the author's reader id"),
    }),
    action: z.enum(MODERATION_ACTIONS),
    comment_id: z.string().nullable(),
    article_id: z.string().nullable(),
    reader_id: z.string().describe('The author of the comment, or the reader blocked or unblocked'),
    from_status: z.enum(COMMENT_STATUSES).nullable().describe('null for a comment the policy withheld as it was posted'),
    to_status: z.enum(COMMENT_STATUSES).nullable(),
    reason: z.string(),
    verdicts: z.array(VerdictSchema),
    until: z.string().nullable().describe('For a block: when it ends'),
  })
  .meta({ id: 'ModerationLogEntry' });

export const LogPage = pageOf(LogEntrySchema);
