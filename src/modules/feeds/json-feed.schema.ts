import { z } from 'zod';

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written down as a zod schema: the
// contract of /feeds/*.json and what the tests hold the output to.

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const Url = z.url();
const Rfc3339 = z.iso.datetime({ offset: true }).describe('RFC 3339 date-time');

/** Keys the spec does not name must start with "_" (publisher extensions). */
function onlyExtensionsBeyond(known: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const key of Object.keys(value)) {
      if (!known.includes(key) && !key.startsWith('_')) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is not a JSON Feed 1.1 key; extensions must start with "_"' });
      }
    }
  };
}

export const JsonFeedAuthor = z
  .object({ name: z.string().optional(), url: Url.optional(), avatar: Url.optional() })
  .refine((author) => author.name !== undefined || author.url !== undefined || author.avatar !== undefined, {
    message: 'an author needs at least one of name, url, avatar',
  })
  .meta({ id: 'JsonFeedAuthor' });

const Attachment = z.object({
  url: Url,
  mime_type: z.string(),
  title: z.string().optional(),
  size_in_bytes: z.number().optional(),
  duration_in_seconds: z.number().optional(),
});

const ITEM_KEYS = [
  'id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image',
  'date_published', 'date_modified', 'authors', 'author', 'tags', 'language', 'attachments',
] as const;

export const JsonFeedItem = z
  .looseObject({
    id: z.string().min(1).describe('Unique for the item in this feed over time'),
    url: Url.optional(),
    external_url: Url.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: Url.optional(),
    banner_image: Url.optional(),
    date_published: Rfc3339.optional(),
    date_modified: Rfc3339.optional(),
    authors: z.array(JsonFeedAuthor).optional(),
    author: JsonFeedAuthor.optional().describe('Deprecated in 1.1 in favour of authors'),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    attachments: z.array(Attachment).optional(),
  })
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
    message: 'an item needs content_html or content_text',
  })
  .superRefine(onlyExtensionsBeyond(ITEM_KEYS))
  .meta({ id: 'JsonFeedItem' });

const FEED_KEYS = [
  'version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon',
  'authors', 'author', 'language', 'expired', 'hubs', 'items',
] as const;

export const JsonFeedSchema = z
  .looseObject({
    version: z.literal(JSON_FEED_VERSION),
    title: z.string(),
    home_page_url: Url.optional(),
    feed_url: Url.optional(),
    description: z.string().optional(),
    user_comment: z.string().optional(),
    next_url: Url.optional().describe('The next page of items'),
    icon: Url.optional(),
    favicon: Url.optional(),
    authors: z.array(JsonFeedAuthor).optional(),
    author: JsonFeedAuthor.optional().describe('Deprecated in 1.1 in favour of authors'),
    language: z.string().optional(),
    expired: z.boolean().optional(),
    hubs: z.array(z.object({ type: z.string(), url: Url })).optional(),
    items: z.array(JsonFeedItem),
  })
  .refine((feed) => new Set(feed.items.map((item) => item.id)).size === feed.items.length, {
    message: 'item ids must be unique',
    path: ['items'],
  })
  .refine((feed) => feed.next_url === undefined || feed.next_url !== feed.feed_url, {
    message: 'next_url must not be the feed_url',
    path: ['next_url'],
  })
  .superRefine(onlyExtensionsBeyond(FEED_KEYS))
  .meta({ id: 'JsonFeed', description: 'JSON Feed 1.1' });

export type JsonFeed = z.infer<typeof JsonFeedSchema>;
export type JsonFeedItem = z.infer<typeof JsonFeedItem>;
