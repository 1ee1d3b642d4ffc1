import { DataSet, englishDataset, pattern } from 'obscenity';

/**
 * Dateline's word list: obscenity's English dataset with a newsroom's corrections. The
 * library's list is built for chat rooms; readers of a news site discuss court cases,
 * medicine and politicians with awkward surnames.
 */

interface ProfaneWordMetadata {
  originalWord: string;
}

/**
 * Clinical and legal vocabulary that news comments need ("the rape trial", "sex abuse",
 * "revenge porn laws", "an orgy of violence", "a booby trap", a rugby hooker, the
 * sprinter Semenya). None of it is profanity; an obscene use of it is left to readers'
 * flags and to moderators.
 */
const NEWS_VOCABULARY = new Set([
  'anal',
  'anus',
  'bestiality',
  'boob',
  'ejaculate',
  'hooker',
  'incest',
  'masturbate',
  'orgasm',
  'orgy',
  'penis',
  'porn',
  'rape',
  'scat',
  'semen',
  'sex',
  'vagina',
]);

export const profanityDataset = new DataSet<ProfaneWordMetadata>()
  .addAll(englishDataset)
  .removePhrasesIf(({ metadata }) => {
    const word = metadata?.originalWord ?? '';
    // "fuck" is rebuilt below: the library's |fu| flags Chinese names (Fu Ying) and kung fu.
    return word === 'fuck' || NEWS_VOCABULARY.has(word);
  })
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'fuck' })
      .addPattern(pattern`f[?]ck`)
      .addPattern(pattern`|fk`)
      .addPattern(pattern`|fuk`)
      .addPattern(pattern`phuck`)
      .addPattern(pattern`|phuk|`)
      .addPattern(pattern`|stfu|`)
      .addPattern(pattern`|gtfo|`)
      .addWhitelistedTerm('fick')
      .addWhitelistedTerm('kung-fu')
      .addWhitelistedTerm('kung fu')
      // Fukuyama, Fukushima, Fukuda, Fukuoka
      .addWhitelistedTerm('fuku'),
  );

/**
 * Names, places and ordinary words in which a listed word is a harmless substring. Matched
 * case-insensitively anywhere in the text; a listed word is ignored when one of these
 * covers it entirely.
 */
export const NEWSROOM_WHITELIST = [
  // people and works
  'dick cheney',
  'dick van dyke',
  'dick durbin',
  'dick turpin',
  'dick whittington',
  'dick francis',
  'moby dick',
  'moby-dick',
  'philip k. dick',
  'dickinson',
  'dickson',
  'dickey',
  'cumming',
  'pussy riot',
  'fagin',
  'fagan',
  // ordinary words
  'pussycat',
  'pussy cat',
  'pussy willow',
  'pussyfoot',
  'cockpit',
  'cumin',
  'cum laude',
  '-cum-',
  'cum-ex',
  'retardant',
  // "trafficking" collapses to "traficking", and "fick" is a match for f[?]ck
  'traffick',
  'asst',
  'assn',
  'tit for tat',
  'tit-for-tat',
  'chink in',
  'chinks in',
  'wankel',
  'shiite',
  "shi'ite",
  'shi’ite',
  // French "assez" (enough)
  'assez',
];

/** Words readers self-censor with "*" or "#" ("c*nt", "f***ing"); each symbol stands for one letter. */
export const MASKABLE_WORDS = [
  'arsehole',
  'asshole',
  'bastard',
  'bitch',
  'bitches',
  'bullshit',
  'cock',
  'cunt',
  'cunts',
  'dick',
  'dickhead',
  'faggot',
  'fuck',
  'fucked',
  'fucker',
  'fucking',
  'motherfucker',
  'nigger',
  'piss',
  'pissed',
  'pussy',
  'retard',
  'shit',
  'shitty',
  'slut',
  'twat',
  'wanker',
  'whore',
];
