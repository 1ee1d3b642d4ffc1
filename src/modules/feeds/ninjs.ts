import { slugify } from '../../lib/slug.js';
import { toIso } from '../../lib/time.js';
import type { EntityType } from '../../lib/vocabulary.js';
import { visibleStatus, type ArticleRow } from '../articles/article-resource.js';
import { bySalience, wikidataQid, type ArticleEntity } from './article-entities.js';
import type { Ninjs } from './article-formats.schemas.js';

const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#';
const GROUPS: Record<EntityType, 'people' | 'organisations' | 'places'> = {
  person: 'people',
  organization: 'organisations',
  place: 'places',
};

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The article as an IPTC ninjs 2.1 news item, the format agencies and their clients exchange. */
export function toNinjs(row: ArticleRow, entities: ArticleEntity[], now: number): Ninjs {
  const status = visibleStatus(row, now);
  const counts = { charcount: [...row.bodyText].length, wordcount: wordCount(row.bodyText) };
  const groups: Pick<Ninjs, 'people' | 'organisations' | 'places'> = {};
  const { about, mentions } = bySalience(entities);
  for (const [rel, list] of [['about', about], ['mentioned', mentions]] as const) {
    for (const entity of list) {
      const qid = wikidataQid(entity);
      (groups[GROUPS[entity.type]] ??= []).push({ name: entity.name, rel, ...(qid === null ? {} : { uri: `http://www.wikidata.org/entity/${qid}` }) });
    }
  }
  return {
    uri: `urn:uuid:${row.id}`,
    standard: { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA },
    type: 'text',
    representationtype: 'full',
    version: String(row.revision),
    firstcreated: toIso(row.createdAt),
    versioncreated: toIso(row.updatedAt),
    ...(status === 'scheduled' && row.publishedAt !== null ? { embargoed: toIso(row.publishedAt) } : {}),
    pubstatus: status === 'published' || status === 'scheduled' ? 'usable' : 'withheld',
    language: row.language,
    slugline: row.slug,
    ...(row.authors.length === 0 ? {} : { by: row.authors.map((author) => author.name).join(', ') }),
    headlines: [{ role: 'main', contenttype: 'text/plain', value: row.title }],
    ...(row.standfirst === null ? {} : { descriptions: [{ role: 'summary', contenttype: 'text/plain', value: row.standfirst }] }),
    bodies: [
      { role: 'main', contenttype: 'text/html', ...counts, value: row.bodyHtml },
      { role: 'main', contenttype: 'text/plain', ...counts, value: row.bodyText },
    ],
    ...(row.datelinePlace === null ? {} : { located: row.datelinePlace }),
    ...(row.datelineSource === null ? {} : { infosources: [{ name: row.datelineSource, role: 'originator' }] }),
    ...(row.tags.length === 0 ? {} : { subjects: row.tags.map((tag) => ({ name: tag, literal: slugify(tag) })) }),
    ...groups,
  };
}
