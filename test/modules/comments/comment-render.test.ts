import t from 'tap';
import { renderCommentHtml } from '../../../src/modules/comments/comment-render.js';

t.test('every character of the text is escaped', async (t) => {
  t.equal(renderCommentHtml('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  t.equal(renderCommentHtml(`Tom & "Jerry" 'quoted'`), '<p>Tom &amp; &quot;Jerry&quot; &apos;quoted&apos;</p>');
});

t.test('blank lines make paragraphs, single line breaks <br>', async (t) => {
  t.equal(renderCommentHtml('one\r\ntwo\n\n\nthree\n \nfour'), '<p>one<br>two</p>\n<p>three</p>\n<p>four</p>');
  t.equal(renderCommentHtml('Կարծում եմ\n\nСаммит'), '<p>Կարծում եմ</p>\n<p>Саммит</p>');
});

t.test('http(s) URLs become nofollow links without the punctuation around them', async (t) => {
  const link = (url: string) => `<a href="${url}" rel="nofollow ugc noopener">${url}</a>`;
  t.equal(renderCommentHtml('See https://armenpress.am/a?b=1&c=2.'), `<p>See ${link('https://armenpress.am/a?b=1&amp;c=2')}.</p>`);
  t.equal(
    renderCommentHtml('(https://en.wikipedia.org/wiki/CSTO_(organization)) and (http://x.am/y)'),
    `<p>(${link('https://en.wikipedia.org/wiki/CSTO_(organization)')}) and (${link('http://x.am/y')})</p>`,
  );
  t.equal(renderCommentHtml('javascript:alert(1) and www.example.com stay text'), '<p>javascript:alert(1) and www.example.com stay text</p>');
  t.equal(renderCommentHtml('https://"onmouseover=alert(1)'), '<p>https://&quot;onmouseover=alert(1)</p>', 'a quote ends a URL');
  t.equal(renderCommentHtml('http://[bad'), '<p>http://[bad</p>', 'what URL cannot parse stays text');
});
