import { createTokenTrie, type TrieHit } from './token-trie.js';
import type { Token } from './tokenize.js';
import type { KnownEntity } from './types.js';

/** The entities a newsroom already knows, matched by name and alias in any article. */
export interface EntityMatcher {
  /** Adds an entity, or replaces the one with the same id (a rename, new aliases). */
  add(entity: KnownEntity): void;
  /** Returns whether an entity with that id was there. */
  remove(id: string): boolean;
  get(id: string): KnownEntity | undefined;
  readonly size: number;
  /** Leftmost-longest matches of every name and alias in tokens[from, to). */
  match(tokens: readonly Token[], from?: number, to?: number): TrieHit<KnownEntity>[];
}

/** Builds the matcher once for the whole entity table; keep it and update it as entities change. */
export function createEntityMatcher(known: Iterable<KnownEntity> = []): EntityMatcher {
  const trie = createTokenTrie<KnownEntity>();
  const byId = new Map<string, { entity: KnownEntity; paths: string[][] }>();

  const remove = (id: string): boolean => {
    const stored = byId.get(id);
    if (!stored) return false;
    for (const path of stored.paths) trie.delete(path, stored.entity);
    return byId.delete(id);
  };

  const add = (entity: KnownEntity): void => {
    remove(entity.id);
    const paths: string[][] = [];
    const frozen = Object.freeze({ ...entity, aliases: Object.freeze([...entity.aliases]) as string[] });
    // The name ranks before aliases, so an alias shared with another entity's name loses to it.
    const name = trie.insert(frozen.name, frozen, 0);
    if (name) paths.push(name);
    for (const alias of new Set(frozen.aliases)) {
      const path = trie.insert(alias, frozen, 1);
      if (path) paths.push(path);
    }
    byId.set(entity.id, { entity: frozen, paths });
  };

  for (const entity of known) add(entity);

  return {
    add,
    remove,
    get: (id) => byId.get(id)?.entity,
    get size() {
      return byId.size;
    },
    match: (tokens, from, to) => trie.find(tokens, from, to),
  };
}
