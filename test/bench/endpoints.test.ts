import t from 'tap';
import { buildVocabulary } from '../../bench/corpus-text.js';
import { endpoints } from '../../bench/endpoints.js';
import { parseWireCopy } from '../../src/modules/articles/wire-copy.js';
import { slugify } from '../../src/lib/slug.js';

// A run on a reused corpus (--corpus) imports the same generated articles as every run before
// it; the run's mark must survive into the slug, or the import is refused as already taken.
t.test('two runs never import an article under the same slug', async (t) => {
  const vocabulary = buildVocabulary(1, 50);
  const context = { vocabulary, adminKey: 'key', partnerKey: 'partner', seed: 1, articleSlug: 'a', entitySlug: 'e', readerTokens: ['r'] };
  const slugsOf = (runId: string) => {
    const wire = endpoints({ ...context, runId }).find((endpoint) => endpoint.name.startsWith('import'));
    if (!wire?.next) throw new Error('no import endpoint');
    return Array.from({ length: 200 }, (_, n) => slugify(parseWireCopy(String(wire.next?.(n).body)).title));
  };
  const first = slugsOf('run1');
  const second = slugsOf('run2');
  t.equal(new Set(first).size, 200, 'every import of a run has its own slug');
  t.notOk(first.some((slug) => second.includes(slug)), 'no slug of one run is taken by the other');
  t.ok(first.some((slug) => slug.length >= 70), 'long titles are among them');
});
