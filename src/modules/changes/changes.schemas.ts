import { z } from 'zod';
import { PageQuery } from '../../lib/schemas.js';
import { CHANGE_KINDS, CHANGE_RESOURCES } from '../../lib/vocabulary.js';

export const ChangesQuery = z.object({
  since: z
    .string()
    .max(512)
    .optional()
    .describe('`next_cursor` of the previous response; absent to start from the first change'),
  limit: PageQuery.shape.limit,
});

export const ChangeSchema = z
  .object({
    kind: z.enum(CHANGE_KINDS).describe('publish/unpublish: the resource entered or left public view'),
    resource: z.enum(CHANGE_RESOURCES),
    id: z.string(),
    slug: z.string().nullable(),
    merged_into: z.string().optional().describe('For an entity merge: the id of the surviving entity'),
    revision: z.number().int().nullable().describe('The revision the resource had after the change (before it, for a delete)'),
    at: z.string().describe('When the change took effect; for a scheduled article going live, the scheduled instant'),
  })
  .meta({ id: 'Change' });

export const ChangePage = z
  .object({
    data: z.array(ChangeSchema),
    next_cursor: z.string().describe('Always set: pass as `since` to get the changes after these, now or later'),
    has_more: z.boolean().describe('More changes are waiting: poll again at once'),
  })
  .meta({ id: 'ChangePage' });
