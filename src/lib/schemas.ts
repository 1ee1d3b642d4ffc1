import { z } from 'zod';

// C0 control characters other than tab, newline and carriage return: never valid in text.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Human text: trimmed, without control characters, within `min`..`max` characters. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !CONTROL_CHARS.test(value), { message: 'must not contain control characters' });

export const isoDateTime = () =>
  z.iso.datetime({ offset: true }).describe('ISO 8601 date-time, e.g. 2026-11-28T09:30:00Z');

export const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size, 1–100 (default 20)'),
  cursor: z.string().max(512).optional().describe('Opaque cursor from `next_cursor` of the previous page'),
});

/** The envelope of every list: a page of items and the cursor of the next page (null at the end). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  });

export const NoContent = z.undefined().describe('Done; no content');

/** A documented JSON success response: the schema plus the sentence OpenAPI shows for it. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
