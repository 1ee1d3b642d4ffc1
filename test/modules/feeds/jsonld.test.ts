import t from 'tap';
import { NewsArticleJsonLd } from '../../../src/modules/feeds/article-formats.schemas.js';
import { datelineText, toNewsArticleJsonLd } from '../../../src/modules/feeds/jsonld.js';
import { articleRow } from '../../factories.js';
import { SAMPLE_ENTITIES } from './sample-entities.js';

const SITE = { siteName: 'Dateline', publicBaseUrl: 'https://news.example', articleUrlTemplate: 'https://www.news.example/a/{slug}' };

t.test('a NewsArticle with about and mentions from the entities, sameAs Wikidata', async (t) => {
  const doc = NewsArticleJsonLd.parse(toNewsArticleJsonLd(articleRow({ commentCount: 4 }), SAMPLE_ENTITIES, SITE));
  t.match(doc, {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    url: 'https://www.news.example/a/csto-summit-adopts-resolutions',
    headline: 'CSTO Summit Adopts Resolutions',
    description: 'Leaders meet in Moscow',
    datePublished: '2026-11-28T08:00:00.000Z',
    dateModified: '2026-11-28T08:30:00.000Z',
    author: [{ '@type': 'Person', name: 'Jane Doe', url: 'https://news.example/authors/jane' }],
    dateline: 'Moscow (ITAR-TASS)',
    articleSection: 'World',
    keywords: ['Diplomacy', 'Nagorno-Karabakh'],
    commentCount: 4,
    publisher: { '@type': 'Organization', name: 'Dateline', url: 'https://news.example/' },
  });
  t.same(doc.about, [
    { '@type': 'Organization', name: 'Collective Security Treaty Organization' },
    { '@type': 'Place', name: 'Russia', sameAs: 'https://www.wikidata.org/wiki/Q159' },
  ]);
  t.same(doc.mentions, [
    { '@type': 'Person', name: 'Yury Ushakov' },
    { '@type': 'Place', name: 'Moscow', sameAs: 'https://www.wikidata.org/wiki/Q649' },
    { '@type': 'Organization', name: 'Kremlin' },
  ], 'a malformed QID gives no sameAs');
});

t.test('optional properties are left out when the article has nothing for them', async (t) => {
  const row = articleRow({ standfirst: null, datelinePlace: null, datelineSource: null, section: null, tags: [], publishedAt: null, canonicalUrl: 'https://other.example/x' });
  const doc = NewsArticleJsonLd.parse(toNewsArticleJsonLd(row, [], SITE));
  for (const key of ['description', 'dateline', 'articleSection', 'keywords', 'about', 'mentions', 'commentCount', 'datePublished']) {
    t.notOk(key in doc, `no ${key}`);
  }
  t.equal(doc.url, 'https://other.example/x', 'the canonical URL wins');
});

t.test('a dateline is one line of text', async (t) => {
  t.equal(datelineText({ datelinePlace: 'Moscow', datelineSource: 'ITAR-TASS' }), 'Moscow (ITAR-TASS)');
  t.equal(datelineText({ datelinePlace: 'Moscow', datelineSource: null }), 'Moscow');
  t.equal(datelineText({ datelinePlace: null, datelineSource: 'AP' }), 'AP');
  t.equal(datelineText({ datelinePlace: null, datelineSource: null }), null);
});
