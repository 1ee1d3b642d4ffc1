import { foldPunctuation, foldedKey } from './normalize.js';

export interface Token {
  /** As written in the text. */
  readonly text: string;
  /** Folded, lower-cased, no diacritics: what matching compares. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
  /** Starts with a capital letter. */
  readonly cap: boolean;
  /** Two or more letters, all capitals ("NATO", "U.S.", "AT&T"). */
  readonly upper: boolean;
  /** First word of a sentence, where a capital says nothing about the word. */
  readonly sentenceStart: boolean;
  /** A line break separates this token from the one before: nothing is matched across it. */
  readonly lineStart: boolean;
}

// Words keep inner hyphens, apostrophes, ampersands and periods: "Nagorno-Karabakh", "O'Brien",
// "AT&T", "U.S"; everything else that is not a space is a token of its own.
const PIECE = /([\p{L}\p{N}\p{M}]+(?:[-'&.][\p{L}\p{N}\p{M}]+)*)|(\S)/gu;
// Abbreviations that take their period with them, so the period is not read as a full stop.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'maj',
  'adm', 'rev', 'hon', 'messrs', 'mme', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'plc', 'llc', 'no', 'vs', 'etc', 'pres',
]);
// Of those, the ones that also end sentences often enough that a capital after them starts one.
const SENTENCE_FINAL = new Set(['jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'plc', 'llc', 'etc']);
// "Glasgow-based", "Kremlin-backed", "Russian-led": the name is a word of its own.
const COMPOUND = /^(\p{Lu}.*?)-\p{Ll}[\p{Ll}-]*$/u;
const SENTENCE_END = new Set(['.', '!', '?', '\u2026', ':']);
// "al-Burhan", "bin-Salman": a name behind a lower-case Arabic article is still a name.
const CAPITAL = /^(?:[\p{Lu}\p{Lt}]|(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)-\p{Lu})/u;
const LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;

/** Splits text into word and punctuation tokens with offsets into the text as given. */
export function tokenize(text: string): Token[] {
  const folded = foldPunctuation(text);
  const tokens: Token[] = [];
  let atSentenceStart = true;
  let previousEnd = 0;
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(folded); m; m = PIECE.exec(folded)) {
    const start = m.index;
    let end = start + m[0].length;
    const lineStart = tokens.length === 0 || folded.slice(previousEnd, start).includes('\n');
    if (lineStart) atSentenceStart = true;
    previousEnd = end;
    if (m[1] === undefined) {
      tokens.push(makeToken(text, folded, start, end, false, false, lineStart));
      if (SENTENCE_END.has(m[0])) atSentenceStart = true;
      continue;
    }
    const word = m[1];
    const key = foldedKey(word);
    if (folded[end] === '.' && (word.length === 1 || word.includes('.') || ABBREVIATIONS.has(key))) {
      end += 1;
      PIECE.lastIndex = end;
      previousEnd = end;
    }
    const possessive = /'s$/i.test(word) && word.length > 2 && end === start + word.length;
    const compound = COMPOUND.exec(word);
    if (possessive) {
      tokens.push(makeToken(text, folded, start, end - 2, true, atSentenceStart, lineStart));
      tokens.push(makeToken(text, folded, end - 2, end, false, false, false));
    } else if (compound?.[1] && compound[1].length >= 3 && end === start + word.length) {
      const split = start + compound[1].length;
      tokens.push(makeToken(text, folded, start, split, true, atSentenceStart, lineStart));
      tokens.push(makeToken(text, folded, split, end, false, false, false));
    } else {
      tokens.push(makeToken(text, folded, start, end, true, atSentenceStart, lineStart));
    }
    atSentenceStart = end > start + word.length && (word.includes('.') || SENTENCE_FINAL.has(key));
  }
  return tokens;
}

function makeToken(text: string, folded: string, start: number, end: number, isWord: boolean, sentenceStart: boolean, lineStart: boolean): Token {
  const raw = folded.slice(start, end);
  const letters = raw.match(LETTERS)?.length ?? 0;
  return {
    text: text.slice(start, end),
    key: isWord ? foldedKey(raw) : raw.toLowerCase(),
    start,
    end,
    isWord,
    cap: isWord && CAPITAL.test(raw),
    upper: isWord && letters >= 2 && !LOWER.test(raw),
    sentenceStart,
    lineStart,
  };
}

/** Text of tokens [from, to) as written, with the original spacing between them. */
export function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}
