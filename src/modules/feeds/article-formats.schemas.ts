import { z } from 'zod';

// The per-article syndication formats, as far as Dateline fills them: the response contract
// and what the tests hold the output to.

const Thing = z
  .strictObject({
    '@type': z.enum(['Person', 'Organization', 'Place']),
    name: z.string(),
    sameAs: z.url().optional().describe('The Wikidata page, where the entity has a QID'),
  })
  .meta({ id: 'JsonLdThing' });

export const NewsArticleJsonLd = z
  .strictObject({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('NewsArticle'),
    url: z.url(),
    mainEntityOfPage: z.url(),
    identifier: z.string(),
    headline: z.string(),
    description: z.string().optional(),
    articleBody: z.string(),
    datePublished: z.iso.datetime().optional(),
    dateModified: z.iso.datetime(),
    inLanguage: z.string(),
    author: z.array(z.strictObject({ '@type': z.literal('Person'), name: z.string(), url: z.url().optional() })),
    dateline: z.string().optional(),
    articleSection: z.string().optional(),
    keywords: z.array(z.string()).optional(),
    about: z.array(Thing).optional(),
    mentions: z.array(Thing).optional(),
    commentCount: z.number().int().positive().optional(),
    publisher: z.strictObject({ '@type': z.literal('Organization'), name: z.string(), url: z.url() }),
  })
  .meta({ id: 'NewsArticleJsonLd', description: 'A schema.org NewsArticle as JSON-LD' });

const Text = z.strictObject({ role: z.string(), contenttype: z.string(), value: z.string() });
const Body = Text.extend({ charcount: z.number().int(), wordcount: z.number().int() });
const Named = z.strictObject({ name: z.string(), rel: z.string().optional(), uri: z.url().optional(), literal: z.string().optional() });

export const Ninjs = z
  .strictObject({
    uri: z.string().describe('urn:uuid:<article id>'),
    standard: z.strictObject({ name: z.literal('ninjs'), version: z.literal('2.1'), schema: z.url() }),
    type: z.literal('text'),
    representationtype: z.literal('full'),
    version: z.string().describe('The article revision'),
    firstcreated: z.iso.datetime(),
    versioncreated: z.iso.datetime(),
    embargoed: z.iso.datetime().optional().describe('For editors: when a scheduled article goes live'),
    pubstatus: z.enum(['usable', 'withheld']),
    language: z.string(),
    slugline: z.string(),
    by: z.string().optional(),
    headlines: z.array(Text),
    descriptions: z.array(Text).optional(),
    bodies: z.array(Body),
    located: z.string().optional().describe('The dateline place'),
    infosources: z.array(z.strictObject({ name: z.string(), role: z.string() })).optional().describe('The dateline agency'),
    subjects: z.array(Named).optional().describe('The tags'),
    people: z.array(Named).optional(),
    organisations: z.array(Named).optional(),
    places: z.array(Named).optional(),
  })
  .meta({ id: 'Ninjs', description: 'IPTC ninjs 2.1 news item' });

export type NewsArticleJsonLd = z.infer<typeof NewsArticleJsonLd>;
export type Ninjs = z.infer<typeof Ninjs>;
