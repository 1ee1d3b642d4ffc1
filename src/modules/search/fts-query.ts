/**
 * Turns what a reader typed into a safe FTS5 MATCH expression. Reader input never reaches
 * MATCH raw: every term is re-emitted as a quoted FTS5 string of letters and digits, so
 * operators (AND, OR, NOT, NEAR), column filters, parentheses and stray quotes are just
 * words or separators. Supported: words (all must match), "exact phrases", prefix*, and
 * joined words such as Nagorno-Karabakh, which match as a phrase.
 */
export interface FtsQuery {
  match: string;
  terms: string[];
}

const MAX_TERMS = 16;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function phrase(words: string[], prefix: boolean): string {
  return `"${words.join(' ')}"${prefix ? '*' : ''}`;
}

/** Returns null when the input holds no searchable word. */
export function toFtsQuery(input: string): FtsQuery | null {
  const parts: string[] = [];
  const terms: string[] = [];
  // Quoted runs are phrases; an unbalanced quote is treated as a separator.
  const chunks = input.normalize('NFC').split('"');
  const balanced = chunks.length % 2 === 1;
  chunks.forEach((chunk, index) => {
    const quoted = balanced && index % 2 === 1;
    if (quoted) {
      const words = chunk.match(WORD);
      if (words) {
        parts.push(phrase(words, false));
        terms.push(...words);
      }
      return;
    }
    // Outside quotes, whitespace separates terms; within a term, punctuation joins words into a phrase.
    for (const token of chunk.split(/\s+/)) {
      const words = token.match(WORD);
      if (!words) continue;
      parts.push(phrase(words, words.length === 1 && /[\p{L}\p{N}\p{M}]\*+$/u.test(token)));
      terms.push(...words);
    }
  });
  if (parts.length === 0) return null;
  return { match: parts.slice(0, MAX_TERMS).join(' '), terms: terms.slice(0, MAX_TERMS * 4) };
}
