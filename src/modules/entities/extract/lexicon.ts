import nlp from 'compromise';

// compromise's own word list (about 14,000 words with their part-of-speech tags). It knows
// thousands of first and last names, cities, regions, countries and bodies, and which words
// are ordinary English: the cheapest of its signals, read once.
type Lexicon = Record<string, string | string[] | undefined>;

function readLexicon(): Lexicon {
  const model: unknown = nlp.model();
  const one = (model as { one?: { lexicon?: unknown } }).one;
  if (!one || typeof one.lexicon !== 'object' || one.lexicon === null) throw new Error('compromise has no lexicon');
  return one.lexicon as Lexicon;
}

const lexicon = readLexicon();

export function lexiconTags(key: string): readonly string[] {
  const tags = lexicon[key];
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'Place', 'Country', 'City', 'Region', 'Organization', 'SportsTeam']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const CONTRACTION = /^(?:i|you|we|they|he|she|it|that|there|what|who)'/;

/** An ordinary English word ("Speaking", "Among", "Reports"), so a capital at a sentence start means nothing. */
export function isCommonWord(key: string): boolean {
  if (CONTRACTION.test(key)) return true;
  const tags = lexiconTags(key);
  return tags.length > 0 && !tags.some((tag) => NAME_TAGS.has(tag));
}

const NAME_PART_TAGS = new Set(['Singular', 'Uncountable', 'Adjective', 'Noun']);

/** An ordinary noun or adjective that may open a company's name: "Spirit AeroSystems", "Royal Mail". */
export function mayOpenName(key: string): boolean {
  const tags = lexiconTags(key);
  return tags.length > 0 && tags.every((tag) => NAME_PART_TAGS.has(tag));
}

export function isFirstName(key: string): boolean {
  return lexiconTags(key).some((tag) => FIRST_NAME_TAGS.has(tag));
}

export function isLastName(key: string): boolean {
  return lexiconTags(key).includes('LastName');
}

/** A word for a person's role or trade ("spokesperson", "boss", "chairman"). */
export function isRoleWord(key: string): boolean {
  return lexiconTags(key).includes('Actor');
}

/** Entries of the lexicon that name places, bodies or people, for the gazetteer. */
export function lexiconNames(): Array<{ phrase: string; tag: string }> {
  const out: Array<{ phrase: string; tag: string }> = [];
  for (const [phrase, tags] of Object.entries(lexicon)) {
    const tag = typeof tags === 'string' ? tags : tags?.[0];
    if (tag) out.push({ phrase, tag });
  }
  return out;
}
