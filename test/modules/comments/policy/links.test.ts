import t from 'tap';
import { checkLinkSpam, checkUnvettedLink, findLinks } from '../../../../src/modules/comments/policy/links.js';
import { foldForMatching, prepareComment } from '../../../../src/modules/comments/policy/normalize.js';

const review = (body: string, readerHasApprovedHistory: boolean) => prepareComment(body, { readerHasApprovedHistory });
const links = (body: string) => findLinks(foldForMatching(body));

t.test('http(s) URLs, www. addresses and bare domains are links', async (t) => {
  t.same(links('see https://example.com/a?b=c and http://1.2.3.4/x'), ['https://example.com/a?b=c', 'http://1.2.3.4/x']);
  t.same(links('www.asbarez.com says'), ['www.asbarez.com']);
  t.same(links('more at example.com/x.'), ['example.com/x.']);
  t.same(links('Armenian sites: news.am, armenpress.am'), ['news.am,', 'armenpress.am']);
  t.same(links('(tass.ru)'), ['tass.ru)']);
  t.same(links('EXAMPLE.COM'), ['example.com'], 'in any case');
  t.same(links('ｗｗｗ.example.org'), ['www.example.org'], 'fullwidth letters fold');
  t.equal(links('https://example.com/www.example.com').length, 1, 'one link, counted once');
});

t.test('ordinary prose with dots is not a link', async (t) => {
  for (const text of [
    'e.g. the U.S. and i.e. the E.U.',
    'at 10.am sharp',
    'It was done.It worked',
    'He wrote to me.To be fair',
    'Node.js and the U.S.A.',
    'version 2.0 costs 3.50',
    'write to press@example.com',
    'St.Petersburg and Mr.Smith',
  ]) {
    t.same(links(text), [], text);
  }
});

t.test('more than two links are held as spam, whoever posts them', async (t) => {
  t.equal(checkLinkSpam(review('cheap.com best.net deals.org', true)), 'contains 3 links; at most 2 are allowed');
  t.equal(checkLinkSpam(review('Sources: tass.ru and news.am', true)), undefined);
});

t.test('any link from a reader without an approved comment is held', async (t) => {
  t.equal(checkUnvettedLink(review('see example.com', false)), 'contains 1 link and the reader has no approved comment yet');
  t.equal(
    checkUnvettedLink(review('see tass.ru and news.am', false)),
    'contains 2 links and the reader has no approved comment yet',
  );
  t.equal(checkUnvettedLink(review('see example.com', true)), undefined, 'a known reader may link');
  t.equal(checkUnvettedLink(review('no links here.', false)), undefined);
});

t.test('details name no address, so a verdict cannot carry a link', async (t) => {
  t.notMatch(checkUnvettedLink(review('https://evil.example.com/x', false)) ?? '', /evil|example/);
});
