import t from 'tap';
import { MARK_CLOSE, MARK_OPEN, snippetHtml } from '../../../src/modules/search/snippet.js';

t.test('markers become <mark> and everything else is escaped', async (t) => {
  t.equal(snippetHtml(`a <b> & ${MARK_OPEN}CSTO${MARK_CLOSE} "x"`), 'a &lt;b&gt; &amp; <mark>CSTO</mark> &quot;x&quot;');
});

t.test('markers are paired strictly', async (t) => {
  t.equal(snippetHtml(`${MARK_CLOSE}x${MARK_OPEN}${MARK_OPEN}y`), 'x<mark>y</mark>');
});
