import type { Token } from './tokenize.js';

export interface AcronymDefinition {
  /** Token index of the acronym. */
  readonly acronymAt: number;
  /** Token range of the long form, end exclusive. */
  readonly longStart: number;
  readonly longEnd: number;
}

// A long form is a run of capitalized words, possibly joined by "of", "and", "for", "the", "&".
const MAX_LONG_FORM = 12;
const OPTIONAL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'at', 'to', 'a', 'an', 'de', 'du', 'des', 'la', 'le', 'el', 'y', 'und', '&']);

// Lower-case words a long form may hold: "Board of Control for Cricket in India (BCCI)".
const LINKS = new Set(['of', 'and', 'for', 'on', 'in', 'the', '&', 'de', 'du', 'des', 'la', 'le', 'el', 'y']);

/** "NATO", "AT&T", and mixed forms such as "BoE" or "DoD": mostly capitals, short. */
export function isAcronym(token: Token | undefined): token is Token {
  if (!token?.isWord || !token.cap || token.text.length > 10) return false;
  const capitals = token.text.replace(/[^\p{Lu}]/gu, '').length;
  return capitals >= 2 && capitals >= token.text.replace(/[^\p{Ll}]/gu, '').length;
}

/**
 * Whether an acronym can stand for the words: each word gives its first letter and maybe the
 * letters after it ("OPEC", "NASA", "Co-operation" as "C" or "Co"); "of", "and", "the" may give
 * a letter or nothing.
 */
export function acronymFits(acronym: string, words: readonly string[]): boolean {
  const letters = acronym.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  // The parts of "Co-operation" after the first may give a letter or not.
  const parts = words.flatMap((w) => w.toLowerCase().split('-').filter(Boolean).map((part, i) => ({ part, optional: i > 0 || OPTIONAL_WORDS.has(part) })));
  const fits = (li: number, wi: number): boolean => {
    if (wi === parts.length) return li === letters.length;
    const { part: word, optional } = parts[wi] as { part: string; optional: boolean };
    if (optional && fits(li, wi + 1)) return true;
    for (let n = 1; n <= word.length && li + n <= letters.length; n++) {
      if (word[n - 1] !== letters[li + n - 1]) break;
      if (fits(li + n, wi + 1)) return true;
    }
    return false;
  };
  return letters.length >= 2 && parts.length >= 2 && fits(0, 0);
}

/** "Federal Aviation Administration (FAA)" and "FAA (Federal Aviation Administration)". */
export function findAcronymDefinitions(tokens: readonly Token[], from: number, to: number): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (let i = from + 1; i + 2 < to; i++) {
    if (tokens[i]?.text !== '(') continue;
    const inside = tokens[i + 1];
    if (isAcronym(inside) && tokens[i + 2]?.text === ')') {
      const longStart = longFormBefore(tokens, i, from, inside.text);
      if (longStart !== undefined) found.push({ acronymAt: i + 1, longStart, longEnd: i });
      continue;
    }
    const acronym = tokens[i - 1];
    const close = tokens.findIndex((t, k) => k > i && k <= i + MAX_LONG_FORM + 1 && t.text === ')');
    if (isAcronym(acronym) && close > i + 2 && tokens[i + 1]?.cap) {
      const words = tokens.slice(i + 1, close);
      if (words.every((t) => t.isWord || t.text === '&') && acronymFits(acronym.text, words.map((t) => t.text))) {
        found.push({ acronymAt: i - 1, longStart: i + 1, longEnd: close });
      }
    }
  }
  return found;
}

// The earliest capitalized word before the parenthesis from which the words spell the acronym.
function longFormBefore(tokens: readonly Token[], paren: number, from: number, acronym: string): number | undefined {
  let start = paren;
  while (start > from && paren - start < MAX_LONG_FORM) {
    const token = tokens[start - 1] as Token;
    if (!token.isWord && token.text !== '&') break;
    if (!token.cap && !LINKS.has(token.key)) break;
    start -= 1;
    if (token.lineStart) break;
  }
  for (let s = start; s < paren - 1; s++) {
    const first = tokens[s] as Token;
    if (!first.cap || OPTIONAL_WORDS.has(first.key)) continue;
    if (acronymFits(acronym, tokens.slice(s, paren).map((t) => t.text))) return s;
  }
  return undefined;
}
