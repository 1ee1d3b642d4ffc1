// Typographic variants that news text mixes freely. Each maps one UTF-16 unit to one, so a
// folded string keeps the offsets of the original.
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'", '\u0060': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  // Hyphens and en dashes join words ("Nagorno–Karabakh"); em dashes only ever separate them.
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-', '\u2015': '\u2014',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/** Folds quotes, apostrophes, dashes and odd spaces to one form each; the length is unchanged. */
export function foldPunctuation(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLDS[c] ?? c);
}

const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;

/** Matching key of one word: folded, lower-cased, without diacritics or a closing period. */
export function wordKey(word: string): string {
  return foldedKey(foldPunctuation(word));
}

/** `wordKey` of a word already folded by `foldPunctuation`. */
export function foldedKey(folded: string): string {
  let key = folded.toLowerCase();
  if (NON_ASCII.test(key)) key = key.normalize('NFD').replace(MARKS, '');
  return key.endsWith('.') && key.length > 1 ? key.slice(0, -1) : key;
}

/** Comparison form of a whole name: the scoring rules' folding (case, spaces, quotes, dashes). */
export function nameKey(name: string): string {
  return wordKey(name.replace(/\s+/g, ' ').trim());
}

/** Turns a shouted place name ("MOSCOW", "NEW DELHI") into a display form; "LA" stays as it is. */
export function displayCase(name: string): string {
  if (name !== name.toUpperCase() || !/\p{L}{4}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
