import type { ArticleEntity } from '../../../src/modules/feeds/article-entities.js';

/** Entities as the entities module will hand them over: some with a Wikidata QID, most salient not first. */
export const SAMPLE_ENTITIES: ArticleEntity[] = [
  { name: 'Yury Ushakov', type: 'person', wikidata_qid: null, salience: 0.3 },
  { name: 'Collective Security Treaty Organization', type: 'organization', salience: 0.9 },
  { name: 'Russia', type: 'place', wikidata_qid: 'Q159', salience: 0.6 },
  { name: 'Moscow', type: 'place', wikidata_qid: 'Q649', salience: 0.2 },
  { name: 'Kremlin', type: 'organization', wikidata_qid: 'not-a-qid', salience: 0.1 },
];
