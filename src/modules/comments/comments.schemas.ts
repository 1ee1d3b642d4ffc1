import { z } from 'zod';
import { PageQuery, text, UUID_LIKE } from '../../lib/schemas.js';
import { COMMENTS_MODES, FLAG_REASONS } from '../../lib/vocabulary.js';
import { AuthorSchema } from '../readers/readers.schemas.js';
import { DISCUSSION_POLICY_RULES } from './policy/rules.js';

export const MAX_BODY_LENGTH = 5000;

const CommentId = z.string().regex(UUID_LIKE, 'must be a comment id');
const Body = text(MAX_BODY_LENGTH).describe('Plain text, 1–5,000 characters; never interpreted as HTML or Markdown');

export const PostCommentBody = z
  .object({
    body: Body,
    parent_id: CommentId.optional().describe('Reply to this published comment of the same article'),
  })
  .strict()
  .meta({ id: 'PostComment' });
export type CommentWrite = z.infer<typeof PostCommentBody>;

export const EditCommentBody = z.object({ body: Body }).strict().meta({ id: 'EditComment' });

export const FlagBody = z
  .object({
    reason: z.enum(FLAG_REASONS).describe('offensive: profanity or inappropriate material · abusive: attacks or harassment'),
    note: text(500).optional().describe('What is wrong; required when the reason is "other"'),
  })
  .strict()
  .refine((flag) => flag.reason !== 'other' || flag.note !== undefined, { path: ['note'], message: 'is required when the reason is "other"' })
  .meta({ id: 'FlagComment' });
export type FlagInput = z.infer<typeof FlagBody>;

export const FlagSchema = z
  .object({ comment_id: z.string(), reason: z.enum(FLAG_REASONS), note: z.string().nullable(), created_at: z.string() })
  .meta({ id: 'Flag' });

export const RULE_CODES = DISCUSSION_POLICY_RULES.map((rule) => rule.code) as [string, ...string[]];

export const VerdictSchema = z
  .object({
    code: z.enum(RULE_CODES).describe('The rule of GET /v1/discussion-policy that caught the comment'),
    action: z.enum(['reject', 'hold']),
    detail: z.string().describe('Plain text, e.g. matched "f.u.c.k"'),
  })
  .meta({ id: 'PolicyVerdict' });

const commentFields = {
  id: z.string(),
  article_id: z.string(),
  parent_id: z.string().nullable().describe('The comment this replies to; null for a top-level comment'),
  depth: z.number().int().describe('0 for a top-level comment, 1 for a reply to it, …'),
  created_at: z.string(),
  edited_at: z.string().nullable(),
};
const content = {
  author: AuthorSchema,
  body: z.string().describe('Plain text as written: render it as text, never as HTML'),
  body_html: z.string().describe('The body as escaped HTML (paragraphs, line breaks, nofollow links), safe to insert as is'),
};

export const CommentSchema = z.object({ ...commentFields, ...content }).meta({ id: 'Comment' });

export const PostedCommentSchema = CommentSchema.extend({
  status: z.enum(['approved', 'pending', 'rejected']).describe('approved: public now · pending: waits for a moderator · rejected: will not be published'),
  verdicts: z.array(VerdictSchema).describe('The rules the comment broke; empty when approved without reservation'),
  message: z.string().describe('A sentence for the poster saying what happened and why'),
}).meta({ id: 'PostedComment' });

const threadCommentFields = {
  ...commentFields,
  removed: z.boolean().describe('True for a comment that is no longer public but has public replies: its author and text are null'),
  author: AuthorSchema.nullable(),
  body: content.body.nullable(),
  body_html: content.body_html.nullable(),
};

export interface ThreadComment extends z.infer<z.ZodObject<typeof threadCommentFields>> {
  replies: ThreadComment[];
}

const Replies = z.array(z.lazy((): z.ZodType<ThreadComment> => ThreadCommentSchema)).describe('Public replies, oldest first');

export const ThreadCommentSchema: z.ZodType<ThreadComment> = z
  .object({ ...threadCommentFields, replies: Replies })
  .meta({ id: 'ThreadComment' });

export const ThreadSchema = z
  .object({
    ...threadCommentFields,
    replies: Replies,
    reply_count: z.number().int().describe('Public replies in the whole thread; when more than are nested here, page through them with view=flat&thread=<id>'),
  })
  .meta({ id: 'Thread' });

export const DiscussionSchema = z
  .object({
    mode: z.enum(COMMENTS_MODES).describe('"closed" also once the article has closed by itself'),
    closes_at: z.string().nullable().describe('When the discussion closes by itself'),
    comment_count: z.number().int().describe('Approved comments'),
  })
  .meta({ id: 'Discussion' });

const pageFields = {
  next_cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  discussion: DiscussionSchema,
};
export const CommentListSchema = z
  .discriminatedUnion('view', [
    z.object({ view: z.literal('flat'), data: z.array(CommentSchema), ...pageFields }),
    z.object({ view: z.literal('thread'), data: z.array(ThreadSchema), ...pageFields }),
  ])
  .meta({ id: 'CommentList' });

export const ListCommentsQuery = PageQuery.extend({
  order: z.enum(['oldest', 'newest']).default('oldest').describe('By posting time; in the thread view it orders threads, replies are always oldest first'),
  view: z.enum(['flat', 'thread']).default('flat').describe('flat: every public comment · thread: top-level comments with their replies nested'),
  thread: CommentId.optional().describe('Flat view only: the replies of this top-level comment'),
});
export type ListCommentsFilter = z.infer<typeof ListCommentsQuery>;

export const CommentIdParams = z.object({ id: CommentId });

export const CommentCountsQuery = z.object({
  article: z
    .preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(z.string().min(1).max(120)).min(1).max(100))
    .describe('Article id or slug; repeat the parameter for up to 100 articles'),
});

export const CommentCountsSchema = z
  .object({
    data: z
      .array(z.object({ id: z.string(), slug: z.string(), comment_count: z.number().int() }))
      .describe('One entry per published article asked for, in the order asked; others are left out'),
  })
  .meta({ id: 'CommentCounts' });

export const DiscussionPolicySchema = z
  .object({
    rules: z.array(z.object({ code: z.string(), description: z.string(), action: z.enum(['reject', 'hold']) })),
    limits: z.object({
      body_max_length: z.number().int(),
      thread_max_depth: z.number().int().describe('Levels of a thread, the top-level comment included'),
      comments_per_minute: z.number().int(),
      edit_window_minutes: z.number().int(),
      flag_threshold: z.number().int().describe("Readers' flags that hide a comment until a moderator decides"),
      autoclose_days: z.number().int().nullable().describe('Days after publication when articles stop taking comments'),
    }),
  })
  .meta({ id: 'DiscussionPolicy' });
