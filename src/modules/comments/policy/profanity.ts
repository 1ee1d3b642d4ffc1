import { quoteList } from './excerpt.js';
import { fold, screen, screeningExpression } from './profanity-fold.js';
import type { FoldedView } from './profanity-fold.js';
import { MASKABLE_WORDS, NEWSROOM_WHITELIST, profanityDataset } from './profanity-lexicon.js';
import { escapeRegExp } from './regexp.js';
import type { CommentUnderReview } from './rules.js';

const { blacklistedTerms, whitelistedTerms = [] } = profanityDataset.build();

/** Everything obscenity's RegExpMatcher would report before its whitelist is applied. */
const LISTED_WORD = screeningExpression(blacklistedTerms, true);
const LISTED_WORD_ANYWHERE = screeningExpression(blacklistedTerms, false);

/**
 * obscenity's whitelist, in one expression: terms match case-insensitively with runs of
 * spaces collapsed, longest first so the widest term wins at each position.
 */
const WHITELISTED = new RegExp(
  [...new Set([...whitelistedTerms, ...NEWSROOM_WHITELIST])]
    .sort((a, b) => b.length - a.length)
    .map((term) => escapeRegExp(term).replace(/ /g, ' +'))
    .join('|'),
  'gi',
);

/** Room around a hit for the longest whitelisted phrase ("dick whittington", "philip k. dick"). */
const WHITELIST_REACH = 24;

/** Whether a whitelisted term covers the hit entirely, as obscenity decides it. */
function isWhitelisted(text: string, [start, end]: [number, number]): boolean {
  const from = Math.max(0, start - WHITELIST_REACH);
  const window = text.slice(from, end + WHITELIST_REACH);
  WHITELISTED.lastIndex = 0;
  for (let match = WHITELISTED.exec(window); match; match = WHITELISTED.exec(window)) {
    if (from + match.index <= start && end <= from + match.index + match[0].length) return true;
    WHITELISTED.lastIndex = match.index + 1;
  }
  return false;
}

/**
 * obscenity's leet table reads "!", "|", "/" and "(" as letters, so "bullshit!" became
 * "bullshiti" and "(shit)" "cshit", and neither matched. At the edge of a word they are
 * punctuation and become spaces; inside one ("sh!t") they stay letters.
 */
function blankEdgeSymbols(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}$@])[!|/(]+|[!|/(]+(?![\p{L}\p{N}$@])/gu, (symbols) => ' '.repeat(symbols.length));
}

/** Widening never reaches further than this, so one huge token stays cheap. */
const MAX_REACH = 64;

/** [start, end) grown on both sides over characters `isPart` accepts. */
function widen(text: string, start: number, end: number, isPart: (char: string) => boolean): [number, number] {
  let from = start;
  let to = end;
  while (from > 0 && start - from < MAX_REACH && isPart(text.charAt(from - 1))) from--;
  while (to < text.length && to - end < MAX_REACH && isPart(text.charAt(to))) to++;
  return [from, to];
}

/** The whitespace-separated tokens a hit touches. */
const widenToTokens = (text: string, start: number, end: number) => widen(text, start, end, (char) => !/\s/.test(char));

const NOT_LETTER_OR_LEET = /[^\p{L}\p{N}$@!|(]+/gu;

/**
 * Whether the tokens around a letters-only hit spell a word out rather than run two words
 * together. Across spaces every token has at most two characters ("f u c k", "fu ck"), or
 * all but the last do and there are at least three ("f u c king"), so "as soon" and
 * "7 It's" are not read as words. Within one token, symbols split it and at most one piece
 * is longer than two ("f.u.c.k", "f**k", "fuc.k"); "Arab-Bush" and "Shi'ite" do not qualify.
 */
function isSpelledOut(tokens: string): boolean {
  if (/\s/.test(tokens)) {
    const lengths = tokens.split(/\s+/).map((token) => token.replace(NOT_LETTER_OR_LEET, '').length);
    const allButLastShort = lengths.slice(0, -1).every((length) => length <= 2);
    return allButLastShort && ((lengths.at(-1) ?? 0) <= 2 || lengths.length >= 3);
  }
  if (/^[\p{L}\p{N}'’]+$/u.test(tokens)) return false;
  return tokens.split(NOT_LETTER_OR_LEET).filter((piece) => piece.length > 2).length <= 1;
}

/**
 * Listed words inside spelled-out tokens, read with word boundaries at the edges of those
 * tokens: "you are a s s" is caught, "t i t l e" is not.
 */
function spelledOutHits(text: string, letters: FoldedView): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  for (const [start, end] of screen(letters, LISTED_WORD_ANYWHERE, text)) {
    // Letters only, as in "class": the words view has it already.
    if (!/[^\p{L}\p{M}]/u.test(text.slice(start, end))) continue;
    const [from, to] = widenToTokens(text, start, end);
    const tokens = text.slice(from, to);
    if (!isSpelledOut(tokens)) continue;
    for (const [hitStart, hitEnd] of screen(fold(tokens).letters, LISTED_WORD, tokens)) {
      hits.push([from + hitStart, from + hitEnd]);
    }
  }
  return hits;
}

const MASK = /[*#]/g;
const MASKED_PART = /[\p{L}*#]/u;

/** Self-censored words where each "*" or "#" hides one letter: "c*nt", "a**hole", "f***ing". */
function maskedHits(text: string): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  MASK.lastIndex = 0;
  for (let mask = MASK.exec(text); mask; mask = MASK.exec(text)) {
    const [from, to] = widen(text, mask.index, mask.index + 1, (char) => MASKED_PART.test(char));
    MASK.lastIndex = to;
    const token = text.slice(from, to);
    if (token.length < 3 || !/\p{L}/u.test(token)) continue;
    const shape = new RegExp(`^${token.replace(/[*#]/g, '[a-z]')}$`, 'iu');
    if (MASKABLE_WORDS.some((word) => shape.test(word))) hits.push([from, to]);
  }
  return hits;
}

/**
 * Tokens that cannot be English profanity however the leet table reads them: numbers
 * ("455" reads "ass") and words written only in another alphabet, which are words of that
 * language rather than disguises (the confusables table maps many Cyrillic letters to Latin).
 */
function isNotEnglishWord(token: string): boolean {
  if ((token.match(/[\p{L}$@]/gu)?.length ?? 0) < 2) return true;
  return (
    !/\p{Script=Latin}/u.test(token) &&
    /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Arabic}\p{Script=Hebrew}]/u.test(token)
  );
}

const WORD_PART = /[\p{L}\p{M}\p{N}$@*#!|.'’_-]/u;

/** The hit with the rest of its word ("a$$" in "a$$hole"), without markup or punctuation around it. */
function wordAround(text: string, start: number, end: number): string {
  const [from, to] = widen(text, start, end, (char) => WORD_PART.test(char));
  return text.slice(from, to).replace(/^[^\p{L}\p{N}$@]+|[^\p{L}\p{N}$@*]+$/gu, '');
}

/** Every profane word in the text, as the token that carries it ("a$$hole", "f u c k"). */
export function findProfanity(text: string): string[] {
  const prepared = blankEdgeSymbols(text);
  const { words, letters } = fold(prepared);
  const hits = [...screen(words, LISTED_WORD, prepared), ...spelledOutHits(prepared, letters), ...maskedHits(text)];
  const tokens = hits
    .sort(([a], [b]) => a - b)
    .filter((hit) => !isWhitelisted(text, hit))
    .map(([start, end]) => wordAround(text, start, end))
    .filter((token) => !isNotEnglishWord(token));
  return [...new Set(tokens)];
}

export function checkProfanity({ body }: CommentUnderReview): string | undefined {
  const words = findProfanity(body);
  return words.length > 0 ? `matched ${quoteList(words)}` : undefined;
}
