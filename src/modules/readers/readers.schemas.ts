import { z } from 'zod';
import { text } from '../../lib/schemas.js';
import { READER_STATUSES } from '../../lib/vocabulary.js';

export const CreateReaderBody = z
  .object({
    display_name: text(50).describe('Shown with every comment; checked against the discussion policy'),
    email: z.email().max(254).describe('Private: shown only to the reader themself, never with comments'),
  })
  .strict()
  .meta({ id: 'CreateReader' });
export type CreateReaderInput = z.infer<typeof CreateReaderBody>;

const Block = z
  .object({
    reason: z.string(),
    until: z.string().nullable().describe('The block ends by itself at this time; null until a moderator lifts it'),
    since: z.string(),
  })
  .meta({ id: 'ReaderBlock' });

/** A reader as moderators see them: never the e-mail address. */
export const ReaderProfileSchema = z
  .object({
    id: z.string(),
    display_name: z.string(),
    status: z.enum(READER_STATUSES).describe('"blocked" only while a block is in force'),
    block: Block.nullable(),
    approved_comments: z.number().int().describe('Comments of this reader that are published now'),
    created_at: z.string(),
  })
  .meta({ id: 'ReaderProfile' });

/** A reader as they see themself. */
export const ReaderSchema = ReaderProfileSchema.extend({ email: z.string() }).meta({ id: 'Reader' });

export const CreatedReaderSchema = ReaderSchema.extend({
  token: z.string().describe('The reader token (Bearer). Shown once: only its hash is stored.'),
}).meta({ id: 'CreatedReader' });

/** Who wrote a comment, as the public sees it. */
export const AuthorSchema = z.object({ id: z.string(), display_name: z.string() }).meta({ id: 'CommentAuthor' });

export const ReaderIdParams = z.object({ id: z.string().min(1).max(64).describe('Reader id') });
