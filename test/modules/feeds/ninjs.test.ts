import t from 'tap';
import { Ninjs } from '../../../src/modules/feeds/article-formats.schemas.js';
import { toNinjs } from '../../../src/modules/feeds/ninjs.js';
import { articleRow } from '../../factories.js';
import { SAMPLE_ENTITIES } from './sample-entities.js';

const NOW = Date.parse('2026-11-28T09:00:00Z');

t.test('a ninjs 2.1 text item with people, organisations and places from the entities', async (t) => {
  const item = Ninjs.parse(toNinjs(articleRow(), SAMPLE_ENTITIES, NOW));
  t.match(item, {
    uri: 'urn:uuid:01890a5d-ac96-774b-bcce-b302099a8057',
    standard: { name: 'ninjs', version: '2.1' },
    type: 'text',
    version: '3',
    firstcreated: '2026-11-28T07:00:00.000Z',
    versioncreated: '2026-11-28T08:30:00.000Z',
    pubstatus: 'usable',
    slugline: 'csto-summit-adopts-resolutions',
    by: 'Jane Doe',
    headlines: [{ role: 'main', value: 'CSTO Summit Adopts Resolutions' }],
    descriptions: [{ role: 'summary', value: 'Leaders meet in Moscow' }],
    located: 'Moscow',
    infosources: [{ name: 'ITAR-TASS', role: 'originator' }],
    subjects: [{ name: 'Diplomacy', literal: 'diplomacy' }, { name: 'Nagorno-Karabakh', literal: 'nagorno-karabakh' }],
  });
  t.same(item.bodies.map((body) => [body.contenttype, body.charcount, body.wordcount]), [['text/html', 33, 5], ['text/plain', 33, 5]]);
  t.notOk('embargoed' in item);
  t.same(item.people, [{ name: 'Yury Ushakov', rel: 'mentioned' }]);
  t.same(item.organisations, [
    { name: 'Collective Security Treaty Organization', rel: 'about' },
    { name: 'Kremlin', rel: 'mentioned' },
  ]);
  t.same(item.places, [
    { name: 'Russia', rel: 'about', uri: 'http://www.wikidata.org/entity/Q159' },
    { name: 'Moscow', rel: 'mentioned', uri: 'http://www.wikidata.org/entity/Q649' },
  ]);
});

t.test('status: scheduled is embargoed, drafts are withheld; empty parts are left out', async (t) => {
  const scheduled = toNinjs(articleRow({ publishedAt: NOW + 60_000 }), [], NOW);
  t.equal(scheduled.embargoed, '2026-11-28T09:01:00.000Z');
  t.equal(scheduled.pubstatus, 'usable');
  const draft = Ninjs.parse(toNinjs(articleRow({ status: 'draft', standfirst: null, authors: [], tags: [], datelinePlace: null, datelineSource: null }), [], NOW));
  t.equal(draft.pubstatus, 'withheld');
  for (const key of ['by', 'descriptions', 'located', 'infosources', 'subjects', 'people', 'organisations', 'places']) {
    t.notOk(key in draft, `no ${key}`);
  }
});
