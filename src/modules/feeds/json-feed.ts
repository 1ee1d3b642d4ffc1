import { toIso } from '../../lib/time.js';
import type { FeedDocument, FeedItem } from './feed-document.js';
import { JSON_FEED_VERSION, type JsonFeed, type JsonFeedItem } from './json-feed.schema.js';

function toJsonFeedItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    content_text: item.contentText,
    ...(item.summary === null ? {} : { summary: item.summary }),
    date_published: toIso(item.published),
    date_modified: toIso(item.modified),
    ...(item.authors.length === 0 ? {} : { authors: item.authors }),
    tags: item.tags.map((tag) => tag.name),
    language: item.language,
    // Dateline's own identifiers and metadata, as a JSON Feed extension, for partners who mirror.
    _dateline: {
      id: item.article.id,
      slug: item.article.slug,
      section: item.article.section,
      dateline:
        item.article.datelinePlace === null && item.article.datelineSource === null
          ? null
          : { place: item.article.datelinePlace, source: item.article.datelineSource },
    },
  };
}

/** A JSON Feed 1.1 document for one page of a feed. */
export function toJsonFeed(doc: FeedDocument): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: doc.homePageUrl,
    feed_url: doc.feedUrls.json,
    description: doc.description,
    ...(doc.nextUrls === null ? {} : { next_url: doc.nextUrls.json }),
    items: doc.items.map(toJsonFeedItem),
  };
}
