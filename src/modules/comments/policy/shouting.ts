import type { CommentUnderReview } from './rules.js';

/** Shorter comments ("THANK YOU", "WHY IS THIS NOT NEWS") are let through. */
const MIN_CASED_LETTERS = 20;
const CAPITALS_SHARE = 0.7;

const UPPER = 1;
const LOWER = 2;
/**
 * Case of every BMP character, found once with one pass of \p{Lu} and \p{Ll} over all of
 * them: property matching per comment costs several times more on Cyrillic or Armenian text.
 */
const CASE_OF = new Uint8Array(0x10000);
const BLOCK = 0x1000;
for (let first = 0; first < 0x10000; first += BLOCK) {
  const block = String.fromCharCode.apply(null, Array.from({ length: BLOCK }, (_, offset) => first + offset));
  for (const { index } of block.matchAll(/\p{Lu}/gu)) CASE_OF[first + index] = UPPER;
  for (const { index } of block.matchAll(/\p{Ll}/gu)) CASE_OF[first + index] = LOWER;
}

function caseCounts(text: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (let index = 0; index < text.length; index++) {
    const letterCase = CASE_OF[text.charCodeAt(index)];
    if (letterCase === UPPER) upper++;
    else if (letterCase === LOWER) lower++;
  }
  return { upper, lower };
}

/**
 * An all-capital word of two to five letters next to a word with lowercase letters is an
 * acronym ("the CSTO and NATO met"), not shouting, and is left out of the count; in a run of
 * capitals ("THE CSTO AND NATO MET") it counts.
 */
function countedCase(text: string): { upper: number; lower: number } {
  const words = (text.match(/[\p{L}\p{M}]+/gu) ?? []).map(caseCounts);
  let upper = 0;
  let lower = 0;
  words.forEach((word, index) => {
    const isShortCapitals = word.lower === 0 && word.upper >= 2 && word.upper <= 5;
    const besideLowercase = (words[index - 1]?.lower ?? 0) > 0 || (words[index + 1]?.lower ?? 0) > 0;
    if (isShortCapitals && besideLowercase) return;
    upper += word.upper;
    lower += word.lower;
  });
  return { upper, lower };
}

const capitalsShare = ({ upper, lower }: { upper: number; lower: number }) =>
  upper + lower >= MIN_CASED_LETTERS ? upper / (upper + lower) : 0;

/**
 * The share of capitals among letters that have case, when it reaches CAPITALS_SHARE;
 * otherwise undefined. Scripts without case (Chinese, Arabic) never shout.
 */
export function shoutedShare(text: string): number | undefined {
  // Leaving acronyms out only lowers the share, so most comments are settled by the first count.
  if (capitalsShare(caseCounts(text)) < CAPITALS_SHARE) return undefined;
  const share = capitalsShare(countedCase(text));
  return share >= CAPITALS_SHARE ? share : undefined;
}

export function checkShouting({ body }: CommentUnderReview): string | undefined {
  const share = shoutedShare(body);
  return share === undefined ? undefined : `${Math.round(share * 100)}% of the letters are capitals`;
}
