import { escapeText } from 'entities';
import { Feed, type Item } from 'feed';
import type { FeedDocument, FeedFormat, FeedItem } from './feed-document.js';

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

// The feed library escapes only & and " in attribute values; a tag name with < or > would
// make the XML ill-formed there, so such a name travels only as its slug.
const ATTRIBUTE_SAFE = /^[^<>]*$/;

function newFeed(doc: FeedDocument, format: FeedFormat): Feed {
  return new Feed({
    id: doc.feedUrls[format],
    title: doc.title,
    description: doc.description,
    link: doc.homePageUrl,
    updated: new Date(doc.updated),
    generator: doc.siteName,
    feedLinks: { [format]: doc.feedUrls[format] },
    // Atom needs an author for entries that name none: the publication.
    author: { name: doc.siteName, link: doc.homePageUrl },
  });
}

const common = (item: FeedItem): Item => ({
  title: item.title,
  id: item.id,
  link: item.url,
  date: new Date(item.modified),
  published: new Date(item.published),
  // Summaries are HTML in both formats; the standfirst is plain text.
  ...(item.summary === null ? {} : { description: escapeText(item.summary) }),
  ...(item.contentHtml === '' ? {} : { content: item.contentHtml }),
});

function rssItem(item: FeedItem): Item {
  const creators = item.authors.map((author) => author.name).join(', ');
  // RSS <author> must be an e-mail address; names go in Dublin Core. The library declares the
  // dc namespace only next to content:encoded, so an article without a body declares it here.
  const creator = item.contentHtml === '' ? { _attributes: { 'xmlns:dc': DUBLIN_CORE }, _text: creators } : { _text: creators };
  return {
    ...common(item),
    category: item.tags.map((tag) => ({ name: tag.name })),
    ...(creators === '' ? {} : { extensions: [{ name: 'dc:creator', objects: creator }] }),
  };
}

function atomEntry(item: FeedItem, doc: FeedDocument): Item {
  return {
    ...common(item),
    // Atom titles here are declared HTML, so plain text is escaped into it.
    title: escapeText(item.title),
    author: item.authors.map((author) => ({ name: author.name, ...(author.url === undefined ? {} : { link: author.url }) })),
    category: item.tags.map((tag) => ({
      term: tag.slug,
      scheme: doc.tagsBaseUrl,
      ...(ATTRIBUTE_SAFE.test(tag.name) ? { name: tag.name } : {}),
    })),
  };
}

/** RSS 2.0 with content:encoded bodies, Dublin Core creators and an atom:link to itself. */
export function toRss(doc: FeedDocument): string {
  const feed = newFeed(doc, 'rss');
  for (const item of doc.items) feed.addItem(rssItem(item));
  return feed.rss2();
}

/** Atom 1.0 (RFC 4287) with HTML summaries and bodies. */
export function toAtom(doc: FeedDocument): string {
  const feed = newFeed(doc, 'atom');
  for (const item of doc.items) feed.addItem(atomEntry(item, doc));
  return feed.atom1();
}
