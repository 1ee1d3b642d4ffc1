import { z } from 'zod';
import { PageQuery, pageOf, text } from '../../lib/schemas.js';
import { ROLES } from '../../lib/vocabulary.js';

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    created_at: z.string(),
    last_used_at: z.string().nullable().describe('Updated at most once a minute'),
    revoked_at: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const CreatedApiKeySchema = ApiKeySchema.extend({
  secret: z.string().describe('The bearer secret. Shown once: only its hash is stored.'),
}).meta({ id: 'CreatedApiKey' });

export const CreateApiKeyBody = z
  .object({
    name: text(100).describe('Who or what uses the key, e.g. "desk" or "partner-feed"'),
    role: z.enum(ROLES),
  })
  .strict()
  .meta({ id: 'CreateApiKey' });

export const ListKeysQuery = PageQuery.extend({
  include_revoked: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const ApiKeyPage = pageOf(ApiKeySchema);
export const KeyIdParams = z.object({ id: z.string().min(1).max(64) });
