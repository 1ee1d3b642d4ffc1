const MAX_QUOTED_LENGTH = 40;

/**
 * A piece of the poster's text made safe to put in a verdict detail, which clients show
 * as-is: invisible and control characters (bidi overrides can reorder the sentence around
 * it) are dropped, markup characters become "·", whitespace is collapsed, and the result is
 * short and wrapped in double quotes.
 */
export function quote(text: string): string {
  const plain = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu, (char) => (/\s/.test(char) ? ' ' : ''))
    .replace(/[<>"&`\\]/g, '·')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...plain];
  return `"${chars.length > MAX_QUOTED_LENGTH ? `${chars.slice(0, MAX_QUOTED_LENGTH - 1).join('')}…` : plain}"`;
}

/** `"a", "b" and 2 more` */
export function quoteList(texts: readonly string[], shown = 3): string {
  const quoted = [...new Set(texts.map(quote))];
  const listed = quoted.slice(0, shown).join(', ');
  return quoted.length > shown ? `${listed} and ${quoted.length - shown} more` : listed;
}
