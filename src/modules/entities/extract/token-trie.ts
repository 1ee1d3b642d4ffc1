import { tokenize, type Token } from './tokenize.js';

/** What a text token must look like for an entry's token to match it. */
const Shape = { Any: 0, Capital: 1, Upper: 2 } as const;
type Shape = (typeof Shape)[keyof typeof Shape];

interface Entry<T> {
  readonly value: T;
  readonly shape: readonly Shape[];
  /** Lower wins among entries of the same length (a name before an alias). */
  readonly rank: number;
}

interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  entries?: Entry<T>[];
}

export interface TrieHit<T> {
  readonly value: T;
  /** Token indices, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** A trie over word keys: finds every listed phrase in a token stream in one left-to-right pass. */
export interface TokenTrie<T> {
  /** Adds a phrase (none without a word); returns its keys, which `delete` needs to find it again. */
  insert(phrase: string, value: T, rank?: number): string[] | undefined;
  delete(keys: readonly string[], value: T): void;
  /** Leftmost-longest, non-overlapping matches within tokens[from, to). */
  find(tokens: readonly Token[], from?: number, to?: number): TrieHit<T>[];
  /** The best entry for exactly tokens[from, to), if any. */
  lookup(tokens: readonly Token[], from: number, to: number): T | undefined;
}

// Short all-capital words are acronyms and must be written so ("US" is not "us"); a capitalized
// word needs a capital ("Apple" is not "apple"); lower-case words ("of", "van") match any case.
function shapeOf(token: Token): Shape {
  if (token.upper && token.text.replace(/[^\p{L}]/gu, '').length <= 5) return Shape.Upper;
  return token.cap ? Shape.Capital : Shape.Any;
}

function fits(shape: Shape, token: Token): boolean {
  return shape === Shape.Any || (shape === Shape.Capital ? token.cap : token.upper);
}

export function createTokenTrie<T>(): TokenTrie<T> {
  const root: TrieNode<T> = {};

  function bestAt(node: TrieNode<T>, tokens: readonly Token[], from: number): T | undefined {
    let best: Entry<T> | undefined;
    for (const entry of node.entries ?? []) {
      if (best && best.rank <= entry.rank) continue;
      if (entry.shape.every((shape, i) => fits(shape, tokens[from + i] as Token))) best = entry;
    }
    return best?.value;
  }

  // Walks as deep as the tokens allow, then takes the deepest node whose entries fit the text.
  function longestAt(tokens: readonly Token[], from: number, to: number): TrieHit<T> | undefined {
    const path: Array<[TrieNode<T>, number]> = [];
    let node: TrieNode<T> | undefined = root;
    for (let i = from; i < to; i++) {
      const token = tokens[i] as Token;
      if (i > from && token.lineStart) break;
      node = node.next?.get(token.key);
      if (!node) break;
      if (node.entries) path.push([node, i + 1]);
    }
    for (let p = path.length - 1; p >= 0; p--) {
      const [candidate, end] = path[p] as [TrieNode<T>, number];
      const value = bestAt(candidate, tokens, from);
      if (value !== undefined) return { value, start: from, end };
    }
    return undefined;
  }

  return {
    insert(phrase, value, rank = 0) {
      const tokens = tokenize(phrase);
      // A phrase of punctuation alone ("—") would match punctuation anywhere.
      if (!tokens.some((t) => t.isWord)) return undefined;
      let node = root;
      for (const token of tokens) {
        node.next ??= new Map();
        let child = node.next.get(token.key);
        if (!child) node.next.set(token.key, (child = {}));
        node = child;
      }
      (node.entries ??= []).push({ value, shape: tokens.map(shapeOf), rank });
      return tokens.map((t) => t.key);
    },

    delete(keys, value) {
      const path: TrieNode<T>[] = [root];
      for (const key of keys) {
        const child = path[path.length - 1]?.next?.get(key);
        if (!child) return;
        path.push(child);
      }
      const leaf = path[path.length - 1] as TrieNode<T>;
      leaf.entries = leaf.entries?.filter((e) => e.value !== value);
      if (leaf.entries?.length === 0) delete leaf.entries;
      // Prune branches left empty so that renames and removals do not leak nodes.
      for (let depth = keys.length; depth > 0; depth--) {
        const node = path[depth] as TrieNode<T>;
        if (node.entries || node.next?.size) break;
        path[depth - 1]?.next?.delete(keys[depth - 1] as string);
      }
    },

    find(tokens, from = 0, to = tokens.length) {
      const hits: TrieHit<T>[] = [];
      for (let i = from; i < to; ) {
        const hit = longestAt(tokens, i, to);
        if (hit) {
          hits.push(hit);
          i = hit.end;
        } else {
          i += 1;
        }
      }
      return hits;
    },

    lookup(tokens, from, to) {
      let node: TrieNode<T> | undefined = root;
      for (let i = from; i < to && node; i++) node = node.next?.get((tokens[i] as Token).key);
      return node?.entries && bestAt(node, tokens, from);
    },
  };
}
