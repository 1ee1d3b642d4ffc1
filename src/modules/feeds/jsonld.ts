import { toIso } from '../../lib/time.js';
import type { ArticleRow } from '../articles/article-resource.js';
import { bySalience, wikidataQid, type ArticleEntity } from './article-entities.js';
import type { NewsArticleJsonLd } from './article-formats.schemas.js';
import { articleUrl, type SiteUrls } from './feed-document.js';

const SCHEMA_TYPES = { person: 'Person', organization: 'Organization', place: 'Place' } as const;

/** "Moscow (ITAR-TASS)", "Moscow" or "ITAR-TASS": the dateline as one line of text. */
export function datelineText(row: Pick<ArticleRow, 'datelinePlace' | 'datelineSource'>): string | null {
  const { datelinePlace: place, datelineSource: source } = row;
  if (place !== null && source !== null) return `${place} (${source})`;
  return place ?? source;
}

function thing(entity: ArticleEntity) {
  const qid = wikidataQid(entity);
  return { '@type': SCHEMA_TYPES[entity.type], name: entity.name, ...(qid === null ? {} : { sameAs: `https://www.wikidata.org/wiki/${qid}` }) };
}

/** The article as a schema.org NewsArticle: what search engines and aggregators read. */
export function toNewsArticleJsonLd(row: ArticleRow, entities: ArticleEntity[], site: SiteUrls): NewsArticleJsonLd {
  const url = articleUrl(row, site.articleUrlTemplate);
  const { about, mentions } = bySalience(entities);
  const dateline = datelineText(row);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    url,
    mainEntityOfPage: url,
    identifier: row.id,
    headline: row.title,
    ...(row.standfirst === null ? {} : { description: row.standfirst }),
    articleBody: row.bodyText,
    ...(row.publishedAt === null ? {} : { datePublished: toIso(row.publishedAt) }),
    dateModified: toIso(row.updatedAt),
    inLanguage: row.language,
    author: row.authors.map((author) => ({ '@type': 'Person' as const, name: author.name, ...(author.url === undefined ? {} : { url: author.url }) })),
    ...(dateline === null ? {} : { dateline }),
    ...(row.section === null ? {} : { articleSection: row.section }),
    ...(row.tags.length === 0 ? {} : { keywords: row.tags }),
    ...(about.length === 0 ? {} : { about: about.map(thing) }),
    ...(mentions.length === 0 ? {} : { mentions: mentions.map(thing) }),
    ...(row.commentCount > 0 ? { commentCount: row.commentCount } : {}),
    publisher: { '@type': 'Organization', name: site.siteName, url: `${site.publicBaseUrl}/` },
  };
}
