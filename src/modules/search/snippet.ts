/** Private-use characters FTS5 puts around matches (see search.service.ts). */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes an FTS5 excerpt for HTML, then turns the match markers into <mark> elements.
 * Markers are paired strictly, so a marker character that was already in the stored text
 * can never open an element that is not closed.
 */
export function snippetHtml(raw: string): string {
  let html = '';
  let open = false;
  for (const char of raw) {
    if (char === MARK_OPEN) {
      if (!open) html += '<mark>';
      open = true;
    } else if (char === MARK_CLOSE) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}
