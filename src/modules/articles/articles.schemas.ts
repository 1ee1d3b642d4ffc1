import { z } from 'zod';
import { isoDateTime, PageQuery, pageOf, text, UUID_LIKE } from '../../lib/schemas.js';
import { SLUG_PATTERN } from '../../lib/slug.js';
import { ARTICLE_STATUSES, COMMENTS_MODES } from '../../lib/vocabulary.js';
import { ArticleEntitySchema } from '../entities/entities.schemas.js';

export const Slug = z
  .string()
  .max(120)
  .regex(SLUG_PATTERN, 'must be lowercase letters, digits and single hyphens')
  .refine((value) => !UUID_LIKE.test(value), { message: 'must not look like an article id' });

const Dateline = z
  .object({
    place: text(100).nullable().default(null).describe('e.g. "Moscow"'),
    source: text(100).nullable().default(null).describe('The agency, e.g. "ITAR-TASS"'),
  })
  .meta({ id: 'Dateline' });

const Author = z
  .object({
    name: text(200),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .meta({ id: 'Author' });

const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "hy-AM"')
  .describe('BCP 47 language tag');

const ArticleFields = {
  title: text(300),
  standfirst: text(1000).nullable().describe('The summary paragraph under the headline'),
  body: z.string().max(500_000).refine((v) => !/\u0000/.test(v), { message: 'must not contain NUL bytes' }).describe('Markdown source'),
  dateline: Dateline.nullable(),
  authors: z.array(Author).max(20),
  section: text(64).nullable(),
  tags: z.array(text(64)).max(50),
  language: Language,
  canonical_url: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  comments_mode: z.enum(COMMENTS_MODES).describe('open: post-moderated · premoderated: every comment waits for review · closed: no new comments'),
};

export const CreateArticleBody = z
  .object({
    ...ArticleFields,
    slug: Slug.optional().describe('Generated from the title when absent'),
    standfirst: ArticleFields.standfirst.default(null),
    body: ArticleFields.body.default(''),
    dateline: ArticleFields.dateline.default(null),
    authors: ArticleFields.authors.default([]),
    section: ArticleFields.section.default(null),
    tags: ArticleFields.tags.default([]),
    language: ArticleFields.language.default('en'),
    canonical_url: ArticleFields.canonical_url.default(null),
    comments_mode: ArticleFields.comments_mode.default('open'),
    status: z.enum(ARTICLE_STATUSES).default('draft'),
    published_at: isoDateTime().nullable().default(null).describe('Required in the future for status "scheduled"; defaults to now on publication'),
  })
  .strict()
  .meta({ id: 'CreateArticle' });
export type CreateArticleInput = z.infer<typeof CreateArticleBody>;

export const PatchArticleBody = z
  .object({
    ...ArticleFields,
    slug: Slug,
    status: z.enum(ARTICLE_STATUSES),
    published_at: isoDateTime().nullable(),
    revision: z.number().int().min(1).describe('When given, the update applies only to this revision (else 409)'),
  })
  .partial()
  .strict()
  .meta({ id: 'PatchArticle' });
export type PatchArticleInput = z.infer<typeof PatchArticleBody>;

export const ArticleSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    standfirst: z.string().nullable(),
    body: z.string().describe('Markdown source'),
    body_html: z.string().describe('Sanitized HTML rendered from body'),
    body_text: z.string().describe('Plain text rendered from body'),
    dateline: z.object({ place: z.string().nullable(), source: z.string().nullable() }).nullable(),
    authors: z.array(z.object({ name: z.string(), url: z.string().optional() })),
    section: z.string().nullable(),
    tags: z.array(z.string()),
    language: z.string(),
    canonical_url: z.string().nullable(),
    status: z.enum(ARTICLE_STATUSES),
    published_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    revision: z.number().int(),
    comments_mode: z.enum(COMMENTS_MODES),
    comment_count: z.number().int().describe('Approved comments'),
    entities: z.array(ArticleEntitySchema).optional().describe('With ?include=entities: the entities it mentions, most salient first'),
  })
  .meta({ id: 'Article' });
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleSummarySchema = ArticleSchema.omit({ body: true, body_html: true, body_text: true }).meta({
  id: 'ArticleSummary',
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticlePage = pageOf(ArticleSummarySchema);

const Include = z.enum(['entities']).optional().describe('Embed related resources: `entities`');

export const ListArticlesQuery = PageQuery.extend({
  include: Include,
  entity: z
    .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1).max(120)).max(5))
    .optional()
    .describe('Entity id or slug; repeat for articles that mention all of them'),
  status: z.enum(ARTICLE_STATUSES).optional().describe('Editors only; the public sees published articles'),
  section: z.string().max(64).optional().describe('Section name or slug'),
  tag: z.string().max(64).optional().describe('Tag name or slug'),
  published_after: isoDateTime().optional(),
  published_before: isoDateTime().optional(),
});
export type ListArticlesFilter = z.infer<typeof ListArticlesQuery>;

export const ReadArticleQuery = z.object({ include: Include });

export const IdOrSlugParams = z.object({ id: z.string().min(1).max(120).describe('Article id or slug') });
export const IdParams = z.object({ id: z.string().min(1).max(120).describe('Article id') });

export const RevisionSchema = z
  .object({
    revision: z.number().int(),
    replaced_at: z.string().describe('When the next revision replaced this one'),
    replaced_by: z.string().nullable().describe('API key id of the editor who replaced it'),
    article: ArticleSchema.omit({ comment_count: true }).describe('The article as it was at this revision'),
  })
  .meta({ id: 'ArticleRevision' });
export const RevisionPage = pageOf(RevisionSchema);

export const ImportQuery = z.object({
  publish: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Publish at once instead of creating a draft'),
  slug: Slug.optional(),
  section: text(64).optional(),
});
