import type { Draft } from './draft.js';
import { createTokenTrie } from './token-trie.js';
import type { Token } from './tokenize.js';

/**
 * Character offsets of every mention of each draft, found again over the whole text with all
 * the forms the article uses, so that a form first seen late ("FAA" defined in the body)
 * still counts where it appeared before (the headline). Tokens in `skip` are not counted.
 */
export function findOccurrences(tokens: readonly Token[], drafts: readonly Draft[], skip: ReadonlySet<number>): number[][] {
  const trie = createTokenTrie<number>();
  drafts.forEach((draft, index) => {
    trie.insert(draft.name, index, 0);
    for (const alias of [...draft.aliases, ...(draft.known?.aliases ?? [])]) trie.insert(alias, index, 1);
    for (const form of draft.shortForms) trie.insert(form, index, 2);
  });
  const found = drafts.map((): number[] => []);
  for (const hit of trie.find(tokens)) {
    if (!skip.has(hit.start)) found[hit.value]?.push((tokens[hit.start] as Token).start);
  }
  drafts.forEach((draft, index) => {
    if (found[index]?.length === 0) found[index] = draft.mentions.map((m) => (tokens[m.start] as Token).start);
  });
  return found;
}
