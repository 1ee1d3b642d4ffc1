import t from 'tap';
import { renderBody } from '../../../src/modules/articles/render.js';

t.test('Markdown becomes HTML and plain text', async (t) => {
  const { html, text } = renderBody('# Heading\n\nThe **CSTO** met in *Moscow*.\n\n- one\n- two\n\n> A quote & more');
  t.match(html, /<strong>CSTO<\/strong>/);
  t.equal(text, 'Heading\n\nThe CSTO met in Moscow.\n\none\ntwo\n\nA quote & more');
});

t.test('raw HTML and dangerous links are neutralized', async (t) => {
  const { html, text } = renderBody(
    '<script>alert(1)</script><iframe src="x"></iframe><p onclick="x()">hi</p>\n\n[a](javascript:alert(1)) ![i](data:image/png;base64,AAA)',
  );
  t.notMatch(html, /script|iframe|onclick|javascript|data:/);
  t.notMatch(text, /alert/);
  t.match(text, /hi/);
});

t.test('typographic characters and entities survive into the text', async (t) => {
  const { text } = renderBody('“Quoted” — Armenia’s & Belarus < Russia');
  t.equal(text, '“Quoted” — Armenia’s & Belarus < Russia');
});

t.test('an empty body renders to empty strings', async (t) => {
  t.same(renderBody(''), { html: '', text: '' });
});
