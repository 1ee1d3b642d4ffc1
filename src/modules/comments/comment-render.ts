import { escapeUTF8 } from 'entities';

/** An http(s) URL as readers paste it; what follows it (punctuation, a closing bracket) is trimmed off below. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'*]$/;

/** The URL without the sentence punctuation that ends with it: "(see https://x.am/a)." → "https://x.am/a". */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const unbalanced = url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0);
    if (!unbalanced && !TRAILING_PUNCTUATION.test(url)) return url;
    url = url.slice(0, -1);
  }
}

function renderLine(line: string): string {
  let html = '';
  let from = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(match[0]);
    if (!URL.canParse(url)) continue;
    const escaped = escapeUTF8(url);
    html += `${escapeUTF8(line.slice(from, match.index))}<a href="${escaped}" rel="nofollow ugc noopener">${escaped}</a>`;
    from = match.index + url.length;
  }
  return html + escapeUTF8(line.slice(from));
}

/**
 * A plain-text comment as HTML that is safe to insert as is: every character of the text is
 * escaped, blank lines make paragraphs, single line breaks `<br>`, and http(s) URLs become
 * links marked `rel="nofollow ugc"` so that posting them earns a spammer no search ranking.
 */
export function renderCommentHtml(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(renderLine).join('<br>')}</p>`)
    .join('\n');
}
