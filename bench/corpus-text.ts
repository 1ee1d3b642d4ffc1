import type { EntityType } from '../src/lib/vocabulary.js';
import { createRandom, type Random, zipfSampler } from './random.js';

// The words and names a synthetic news corpus is written in. Ordinary words follow Zipf's law
// (the search terms sit at ranks that give them a known share of articles); names of people,
// organizations and places are built from syllables that ordinary words never use, so the
// extractor finds exactly the entities an article was written with, and nothing else.

const FUNCTION_WORDS = (
  'the of and to in a on for that with said was is by as at from it has an be after have were which their ' +
  'its this but will had not are who would been also over more than about into year new government officials ' +
  'two last week people could first against other three some before while under since during between may'
).split(' ');

const TOPIC_WORDS = (
  'summit election minister council budget talks treaty parliament protest market energy security border ' +
  'agreement court police investment inflation reform vote trade health refugees military coalition sanctions ' +
  'pipeline drought harvest strike opposition defence cabinet tariff currency exports tourism railway airport ' +
  'hospital teachers students farmers workers veterans embassy delegation referendum constitution'
).split(' ');

const OPENERS = ['The', 'In', 'After', 'But', 'Meanwhile', 'However', 'According to officials', 'On Tuesday'];

/** Ranks of the two search terms: ~10 % of articles carry the common one, ~0.1 % the rare one. */
export const COMMON_TERM = 'ceasefire';
export const RARE_TERM = 'stalemate';
const VOCABULARY_SIZE = 30_000;
const COMMON_RANK = 700;

// Filler syllables (lowercase words) and name syllables (entities) are disjoint sets of letters
// combinations: no folded name can ever equal an ordinary word.
const FILLER_ONSETS = ['b', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'h', 'br', 'st', 'pl', 'tr'];
const FILLER_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou'];
const NAME_ONSETS = ['k', 'v', 'z', 'x', 'q', 'j', 'kr', 'zv', 'vl', 'dz'];
const NAME_VOWELS = ['a', 'e', 'i', 'o', 'y', 'ae', 'io'];
const NAME_CODAS = ['', 'n', 'r', 'v', 'sk', 'th', 'ck'];

function syllableWord(random: Random, onsets: string[], vowels: string[], codas: string[], syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(onsets) + random.pick(vowels);
  return word + random.pick(codas);
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export interface CorpusEntity {
  name: string;
  type: EntityType;
}

export interface Vocabulary {
  words: string[];
  /** Every known entity, the agencies last. */
  entities: CorpusEntity[];
  /** News agencies: datelines name them, and they are known organizations like the others. */
  agencies: CorpusEntity[];
  sections: string[];
  tags: string[];
  authors: string[];
}

const ORG_KINDS = ['Group', 'Institute', 'Party', 'Bank', 'Council', 'Ministry', 'Union', 'Foundation', 'Agency', 'Holdings'];

/** The fixed vocabulary of a seed: 30,000 words and 10,000 entities (the "10k known entities"). */
export function buildVocabulary(seed: number, entityCount = 10_000): Vocabulary {
  const random = createRandom(seed ^ 0x5eed);
  const used = new Set<string>([...FUNCTION_WORDS, ...TOPIC_WORDS, COMMON_TERM, RARE_TERM]);
  const words = [...FUNCTION_WORDS];
  let topic = 0;
  while (words.length < VOCABULARY_SIZE) {
    if (words.length === COMMON_RANK) words.push(COMMON_TERM);
    else if (words.length === VOCABULARY_SIZE - 1) words.push(RARE_TERM);
    else if (words.length % 10 === 0 && topic < TOPIC_WORDS.length) words.push(TOPIC_WORDS[topic++] as string);
    else {
      const word = syllableWord(random, FILLER_ONSETS, FILLER_VOWELS, ['', 'n', 'l', 's', 'm'], random.int(1, 3));
      if (used.has(word)) continue;
      used.add(word);
      words.push(word);
    }
  }
  const names = new Set<string>();
  const uniqueName = (syllables: number) => {
    for (;;) {
      const name = capitalize(syllableWord(random, NAME_ONSETS, NAME_VOWELS, NAME_CODAS, syllables));
      if (!names.has(name) && !used.has(name.toLowerCase())) {
        names.add(name);
        return name;
      }
    }
  };
  const entities: CorpusEntity[] = [];
  for (let i = 0; i < entityCount; i++) {
    const kind = i % 4;
    if (kind < 2) entities.push({ name: `${uniqueName(2)} ${uniqueName(3)}`, type: 'person' });
    else if (kind === 2) entities.push({ name: `${uniqueName(2)} ${ORG_KINDS[i % ORG_KINDS.length]}`, type: 'organization' });
    else entities.push({ name: uniqueName(3), type: 'place' });
  }
  const agencies = Array.from({ length: 5 }, () => ({ name: `${uniqueName(2)} Press`, type: 'organization' as const }));
  entities.push(...agencies);
  const sections = ['World', 'Politics', 'Business', 'Science', 'Culture', 'Sport', 'Health', 'Technology', 'Opinion', 'Regions'];
  const tags = Array.from({ length: 200 }, (_, i) => (i < TOPIC_WORDS.length ? capitalize(TOPIC_WORDS[i] as string) : `${capitalize(words[100 + i] as string)} affairs`));
  const authors = Array.from({ length: 50 }, () => `${uniqueName(1)} ${uniqueName(2)}`);
  return { words, entities, agencies, sections, tags, authors };
}

export interface GeneratedArticle {
  title: string;
  standfirst: string;
  /** Paragraphs of plain words: the Markdown source is them joined by blank lines. */
  paragraphs: string[];
  place: CorpusEntity;
  agency: CorpusEntity;
  section: string;
  tags: string[];
  author: string;
  /** Indexes into vocabulary.entities of the people, organizations and places it names. */
  cast: number[];
}

/** Writes articles and comments from a vocabulary, deterministically for a given Random. */
export function createTextGenerator(vocabulary: Vocabulary) {
  const word = zipfSampler(vocabulary.words.length);
  // Agencies sit at the end of the entity list and are named only in datelines.
  const entity = zipfSampler(vocabulary.entities.length - vocabulary.agencies.length, 0.9);
  const tag = zipfSampler(vocabulary.tags.length);
  const places = vocabulary.entities.flatMap((e, i) => (e.type === 'place' ? [i] : []));
  const agencies = vocabulary.agencies.map((agency) => vocabulary.entities.indexOf(agency));

  // No word twice in a row: the comment policy holds repeated words, as it should.
  function words(random: Random, count: number): string[] {
    const out: string[] = [];
    while (out.length < count) {
      const next = vocabulary.words[word(random)] as string;
      if (next !== out[out.length - 1]) out.push(next);
    }
    return out;
  }

  // Sentences open with a real word: a capitalized made-up word alone reads as a name to the
  // extractor (rightly), and would become an entity the generator did not intend.
  function sentence(random: Random, names: string[]): string {
    const parts = words(random, random.int(8, 20));
    for (const name of names) parts.splice(random.int(1, parts.length - 1), 0, name);
    return `${random.pick(OPENERS)} ${parts.join(' ')}.`;
  }

  function article(random: Random, targetWords = 800): GeneratedArticle {
    const cast = new Set<number>();
    const castSize = random.int(3, 8);
    while (cast.size < castSize) cast.add(entity(random));
    const castList = [...cast];
    const castNames = castList.map((i) => (vocabulary.entities[i] as CorpusEntity).name);
    const placeIndex = random.pick(places);
    const agencyIndex = random.pick(agencies);
    const title = `${castNames[0]} ${words(random, random.int(5, 9)).join(' ')}`;
    const standfirst = sentence(random, [castNames[1] as string]);
    // Every name of the cast appears in the body 1–4 times, spread over the paragraphs.
    const pending = castNames.flatMap((name) => Array.from({ length: random.int(1, 4) }, () => name));
    const paragraphs: string[] = [];
    let count = 0;
    while (count < targetWords || pending.length > 0) {
      const sentences: string[] = [];
      for (let s = random.int(3, 5); s > 0; s--) {
        const names = pending.length > 0 && random.next() < 0.6 ? [pending.splice(random.int(0, pending.length - 1), 1)[0] as string] : [];
        const text = sentence(random, names);
        count += text.split(' ').length;
        sentences.push(text);
      }
      paragraphs.push(sentences.join(' '));
    }
    const tags = new Set<string>();
    for (let n = random.int(2, 4); n > 0; n--) tags.add(vocabulary.tags[tag(random)] as string);
    return {
      title,
      standfirst,
      paragraphs,
      place: vocabulary.entities[placeIndex] as CorpusEntity,
      agency: vocabulary.entities[agencyIndex] as CorpusEntity,
      section: random.pick(vocabulary.sections),
      tags: [...tags],
      author: random.pick(vocabulary.authors),
      cast: [...new Set([...castList, placeIndex, agencyIndex])],
    };
  }

  /** A reader's comment: a few plain sentences that the discussion policy lets through. */
  function comment(random: Random): string {
    return Array.from({ length: random.int(1, 3) }, () => sentence(random, [])).join(' ');
  }

  return { article, comment, words };
}

/** Wire copy as agencies file it (headline, standfirst, "PLACE (Agency)—" dateline, body). */
export function toWireCopy(article: GeneratedArticle): string {
  const [first = '', ...rest] = article.paragraphs;
  return [article.title, article.standfirst, `${article.place.name.toUpperCase()} (${article.agency.name})—${first}`, ...rest].join('\n\n') + '\n';
}
