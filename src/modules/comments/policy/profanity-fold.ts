import { SyntaxKind, resolveConfusablesTransformer, resolveLeetSpeakTransformer, toAsciiLowerCaseTransformer } from 'obscenity';
import type { BlacklistedTerm, Node, ParsedPattern } from 'obscenity';
import { escapeRegExp } from './regexp.js';

/**
 * obscenity's RegExpMatcher walks the text through a chain of transformer callbacks one
 * character at a time, then runs one regular expression per listed pattern and one search
 * per whitelisted term: about 1.2 ms for a 5,000-character comment and 40 µs even for a
 * short one. This module produces the same transformed text from a table built once from
 * obscenity's own transformers and compiles the dataset's patterns the way obscenity does,
 * but into a single expression. profanity.test.ts holds the result against RegExpMatcher.
 */

/** The per-character part of obscenity's recommended English chain, in its order. */
export const CHARACTER_TRANSFORMERS = [
  resolveConfusablesTransformer(),
  resolveLeetSpeakTransformer(),
  toAsciiLowerCaseTransformer(),
];

/**
 * The last step of the chain, collapseDuplicatesTransformer with the recommended English
 * thresholds: runs shrink to one character, except these letters, which words need twice
 * (a_ss_, b_oo_nga, fe_ll_atio).
 */
export const COLLAPSE_DUPLICATES = {
  defaultThreshold: 1,
  customThresholds: new Map(['b', 'e', 'o', 'l', 's', 'g'].map((char) => [char, 2])),
};

const FOLD_TABLE = new Uint16Array(0x10000);
const ASTRAL_FOLDS = new Map<number, number>();
const RUN_LIMIT = new Uint8Array(0x10000).fill(COLLAPSE_DUPLICATES.defaultThreshold);
/** What an astral character obscenity does not map (an emoji) becomes: a non-letter, like itself. */
const UNMAPPED_ASTRAL = 0xfffd;

function foldCodePoint(codePoint: number): number {
  let folded = codePoint;
  for (const transformer of CHARACTER_TRANSFORMERS) folded = transformer.transform(folded) ?? folded;
  return folded;
}

for (let code = 0; code < 0x10000; code++) FOLD_TABLE[code] = foldCodePoint(code);
// Plane 1 holds the mathematical and enclosed letters used to dress up words (𝐟𝐮𝐜𝐤, 🅵).
for (let codePoint = 0x10000; codePoint < 0x20000; codePoint++) {
  const folded = foldCodePoint(codePoint);
  if (folded !== codePoint) ASTRAL_FOLDS.set(codePoint, folded);
}
for (const [char, limit] of COLLAPSE_DUPLICATES.customThresholds) RUN_LIMIT[char.charCodeAt(0)] = limit;

/** One folded view of a text and, for each of its characters, the index it came from. */
export interface FoldedView {
  text: string;
  origin: Int32Array;
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * `fold` writes each UTF-16 code unit as two little-endian bytes, which TextDecoder turns
 * back into a string several times faster than String.fromCharCode, on any platform.
 */
function decode(bytes: Uint8Array, units: number): string {
  return UTF16.decode(bytes.subarray(0, units * 2));
}

/** Collects one folded view, collapsing runs as obscenity's collapseDuplicatesTransformer does. */
class ViewBuilder {
  private readonly bytes: Uint8Array;
  private readonly origin: Int32Array;
  private size = 0;
  private last = -1;
  private left = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity * 2);
    this.origin = new Int32Array(capacity);
  }

  push(folded: number, index: number): void {
    if (folded !== this.last) {
      this.last = folded;
      this.left = RUN_LIMIT[folded] ?? 1;
    }
    if (this.left === 0) return;
    this.left--;
    this.bytes[this.size * 2] = folded & 0xff;
    this.bytes[this.size * 2 + 1] = folded >> 8;
    this.origin[this.size++] = index;
  }

  view(): FoldedView {
    return { text: decode(this.bytes, this.size), origin: this.origin.subarray(0, this.size) };
  }
}

/**
 * The text as obscenity's matcher reads it after its transformers (`words`) and the same
 * with every non-letter skipped before duplicates collapse (`letters`), as obscenity's
 * skipNonAlphabeticTransformer does, so "f.u.c.k" reads "fuck". One pass makes both.
 */
export function fold(text: string): { words: FoldedView; letters: FoldedView } {
  const words = new ViewBuilder(text.length);
  const letters = new ViewBuilder(text.length);
  for (let index = 0; index < text.length; index++) {
    const start = index;
    const code = text.charCodeAt(index);
    let folded = FOLD_TABLE[code] ?? code;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const codePoint = text.codePointAt(index) ?? code;
      folded = ASTRAL_FOLDS.get(codePoint) ?? UNMAPPED_ASTRAL;
      if (codePoint > 0xffff) index++;
    }
    words.push(folded, start);
    if (folded >= 0x61 && folded <= 0x7a) letters.push(folded, start);
  }
  return { words: words.view(), letters: letters.view() };
}

function nodeSource(node: Node): string {
  switch (node.kind) {
    case SyntaxKind.Literal:
      return escapeRegExp(String.fromCodePoint(...node.chars));
    case SyntaxKind.Optional:
      return `(?:${nodeSource(node.childNode)})?`;
    case SyntaxKind.Wildcard:
      return '.';
  }
}

/** A pattern split into its first character and the expression for the rest. */
function headAndRest(pattern: ParsedPattern, withBoundaries: boolean): { head: string; rest: string } {
  const [first, ...others] = pattern.nodes;
  const end = withBoundaries && pattern.requireWordBoundaryAtEnd ? '\\b' : '';
  if (first?.kind !== SyntaxKind.Literal) return { head: '', rest: `${pattern.nodes.map(nodeSource).join('')}${end}` };
  const [head = 0, ...tail] = first.chars;
  const restOfFirst = tail.length > 0 ? escapeRegExp(String.fromCodePoint(...tail)) : '';
  return { head: escapeRegExp(String.fromCodePoint(head)), rest: `${restOfFirst}${others.map(nodeSource).join('')}${end}` };
}

/**
 * Every listed pattern in one expression, with obscenity's semantics (a word boundary where
 * the pattern asks for one, "[?]" any one character). Alternatives are grouped by their first
 * letter, which makes the scan several times faster than a flat list of some seventy. Without
 * word boundaries it screens the letters view, where the edges between words are gone.
 */
export function screeningExpression(terms: readonly BlacklistedTerm[], withBoundaries: boolean): RegExp {
  const groups = new Map<string, { atWordStart: string[]; anywhere: string[] }>();
  for (const { pattern } of terms) {
    const { head, rest } = headAndRest(pattern, withBoundaries);
    const group = groups.get(head) ?? { atWordStart: [], anywhere: [] };
    groups.set(head, group);
    (withBoundaries && pattern.requireWordBoundaryAtStart ? group.atWordStart : group.anywhere).push(rest);
  }
  const alternatives = [...groups].map(([head, { atWordStart, anywhere }]) => {
    // Once the head is consumed, "(?<!\w.)" asks that the character before it is not a word character.
    const wordStart = head === '' ? '\\b' : '(?<!\\w.)';
    const rests = atWordStart.length > 0 ? [`${wordStart}(?:${atWordStart.join('|')})`, ...anywhere] : anywhere;
    return `${head}(?:${rests.join('|')})`;
  });
  return new RegExp(alternatives.join('|'), 'gs');
}

/** Every place the expression matches the view, overlapping ones included, as [start, end) of the original text. */
export function screen(view: FoldedView, expression: RegExp, original: string): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  expression.lastIndex = 0;
  for (let match = expression.exec(view.text); match; match = expression.exec(view.text)) {
    const start = view.origin[match.index] ?? 0;
    const last = view.origin[match.index + match[0].length - 1] ?? start;
    hits.push([start, last + ((original.codePointAt(last) ?? 0) > 0xffff ? 2 : 1)]);
    expression.lastIndex = match.index + 1;
  }
  return hits;
}
