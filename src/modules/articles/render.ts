import { decodeHTML } from 'entities';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A private instance: settings here never leak into other users of `marked`.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li',
    'strong', 'em', 'del', 'code', 'pre', 'a', 'img', 'figure', 'figcaption',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // The headline is the page's h1; a heading inside the body is one level below it.
  transformTags: { h1: 'h2' },
  // Script and style contents are dropped with their tags, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe'],
};

// Elements after which plain text needs a paragraph or line break.
const BLOCK_END = /<\/(p|h[1-6]|blockquote|pre|ul|ol|table|figure)>/gi;
const LINE_END = /<br\s*\/?>|<\/(li|tr)>/gi;

export interface RenderedBody {
  html: string;
  text: string;
}

/**
 * Renders an article's Markdown source to the two forms served beside it: HTML that is
 * safe to inject into a page (raw HTML in the source is sanitized, not trusted) and
 * plain text (paragraphs separated by blank lines) for search, summaries and feeds.
 */
export function renderBody(source: string): RenderedBody {
  const html = sanitizeHtml(markdown.parse(source) as string, SANITIZE).trim();
  // Newlines in HTML source are plain whitespace; line structure comes from the elements.
  const withBreaks = html.replace(/\s*\n\s*/g, ' ').replace(BLOCK_END, '$&\n\n').replace(LINE_END, '$&\n');
  const stripped = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  const text = decodeHTML(stripped)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { html, text };
}
