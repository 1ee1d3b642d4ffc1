import { COUNTRIES, OTHER_DEMONYMS } from './gazetteer-countries.js';
import { ORGANIZATIONS } from './gazetteer-orgs.js';
import { CITIES, REGIONS, US_STATES } from './gazetteer-places.js';
import { lexiconNames } from './lexicon.js';
import { ORG_HEADS, ORG_PREFIXES, TITLE_HEADS } from './name-rules.js';
import { wordKey } from './normalize.js';
import { createTokenTrie, type TokenTrie } from './token-trie.js';
import type { EntityType } from './types.js';

export interface GazetteerEntry {
  /** The usual full name ("United States" for "US"); null when the article's own form should do. */
  readonly name: string | null;
  readonly type: EntityType | 'demonym';
  /** A city, which sports pages also use for its club ("Liverpool beat Brighton"). */
  readonly city?: boolean;
}

const LEXICON_TYPES: Record<string, EntityType | 'demonym'> = {
  Country: 'place',
  City: 'place',
  Region: 'place',
  Organization: 'organization',
  SportsTeam: 'organization',
  Person: 'person',
  Demonym: 'demonym',
};
const LOWER_IN_NAMES = new Set(['of', 'and', 'the', 'de', 'du', 'la', 'le', 'da', 'do', 'del', 'on', 'upon', 'n']);

// The lexicon is lower case; written as a name, its entries only match capitalized text
// ("The Who" is not "the WHO").
const asName = (phrase: string) =>
  phrase.replace(/[\p{L}\p{N}][^\s-]*/gu, (w, at: number) => (at > 0 && LOWER_IN_NAMES.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));

let built: { trie: TokenTrie<GazetteerEntry>; demonyms: Set<string> } | undefined;

function build() {
  const trie = createTokenTrie<GazetteerEntry>();
  const demonyms = new Set<string>();
  const addDemonym = (phrase: string, rank: number) => {
    trie.insert(phrase, { name: null, type: 'demonym' }, rank);
    if (!/\s/.test(phrase)) demonyms.add(wordKey(phrase));
  };
  const addRecords = (table: string, type: EntityType) => {
    for (const line of table.trim().split('\n')) {
      const [name = '', aliases = '', adjectives = ''] = line.split('|');
      const entry: GazetteerEntry = { name, type };
      trie.insert(name, entry);
      for (const alias of aliases.split(',').filter(Boolean)) trie.insert(alias, entry);
      for (const adjective of adjectives.split(',').filter(Boolean)) addDemonym(adjective, 0);
    }
  };
  addRecords(COUNTRIES, 'place');
  addRecords(REGIONS, 'place');
  addRecords(ORGANIZATIONS, 'organization');
  const states = US_STATES.trim().split(/[|\n]/);
  for (let i = 0; i + 1 < states.length; i += 2) {
    const entry: GazetteerEntry = { name: states[i] as string, type: 'place' };
    trie.insert(entry.name as string, entry);
    if (states[i + 1]) trie.insert(states[i + 1] as string, entry);
  }
  for (const city of new Set(CITIES.trim().split(/[|\n]/))) trie.insert(city, { name: city, type: 'place', city: true });
  for (const word of OTHER_DEMONYMS.trim().split(/\s+/)) addDemonym(word, 0);
  for (const { phrase, tag } of lexiconNames()) {
    const type = LEXICON_TYPES[tag];
    if (!type || phrase.length < 3 || ORG_HEADS.has(phrase) || ORG_PREFIXES.has(phrase) || TITLE_HEADS.has(phrase)) continue;
    // One-word people in the lexicon are mostly bare surnames ("Carson"); only full names are safe.
    if (type === 'person' && !phrase.includes(' ')) continue;
    if (type === 'demonym') addDemonym(asName(phrase), 1);
    else trie.insert(asName(phrase), { name: null, type, city: tag === 'City' }, 1);
  }
  return { trie, demonyms };
}

/** Places, agencies and international bodies everyone knows, plus demonyms; built on first use. */
export function gazetteer(): TokenTrie<GazetteerEntry> {
  built ??= build();
  return built.trie;
}

/** "Chilean", "Peruvians", and compounds of them such as "Chilean-Peruvian" or "Russian-led". */
export function isDemonymWord(key: string): boolean {
  built ??= build();
  const { demonyms } = built;
  if (demonyms.has(key)) return true;
  const dash = key.indexOf('-');
  return dash > 0 && demonyms.has(key.slice(0, dash));
}
