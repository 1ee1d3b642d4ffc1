import { quote } from './excerpt.js';
import { escapeRegExp } from './regexp.js';
import type { CommentUnderReview } from './rules.js';

/**
 * Attacks on people, which profanity lists miss. Every pattern needs the person addressed
 * ("you", "u", "ur") or a first-person threat against them, so criticism of ideas and of
 * public figures in the third person passes: "the minister is wrong", "this policy is
 * idiotic", "kill the bill", "the idiot box".
 */

const alternatives = (words: readonly string[]) => words.map(escapeRegExp).join('|');
/** Letters may be stretched for emphasis: "stuuupid", "idiooot", "kysss". */
const stretchable = (words: readonly string[]) => alternatives(words).replace(/[a-z]/g, '$&+');

/** Nouns that are insults wherever they stand. */
const INSULT_NOUNS = [
  'idiot', 'moron', 'imbecile', 'cretin', 'dumbass', 'dimwit', 'halfwit', 'nitwit', 'dunce', 'loser',
  'clown', 'scumbag', 'lowlife', 'ignoramus', 'hypocrite', 'coward', 'numpty', 'muppet', 'plonker',
  'retard', 'simpleton', 'degenerate', 'parasite', 'liar', 'scum', 'traitor', 'bigot',
];
/** Insults that are also verbs ("you fool nobody", "you troll the comments"): only after "you are". */
const INSULT_VERB_NOUNS = ['fool', 'troll', 'jerk', 'creep', 'pig', 'joke', 'disgrace', 'shill', 'bot', 'sheep', 'waste of space'];
const INSULT_ADJECTIVES = [
  'stupid', 'dumb', 'idiotic', 'moronic', 'brainless', 'braindead', 'brain-dead', 'brain dead', 'pathetic',
  'worthless', 'useless', 'ignorant', 'retarded', 'clueless', 'delusional', 'deluded', 'brainwashed', 'disgusting', 'insane',
];
/** Words that may stand between "you are" and the insult: "you are such a complete idiot". */
const INTENSIFIERS = [
  'a', 'an', 'the', 'such', 'so', 'really', 'truly', 'just', 'clearly', 'obviously', 'simply', 'complete', 'completely',
  'total', 'totally', 'utter', 'utterly', 'absolute', 'absolutely', 'real', 'actual', 'very', 'incredibly', 'extremely',
  'fucking', 'bloody', 'damn', 'freaking', 'big', 'biggest', 'little', 'sad', 'typical', 'another', 'one', 'all', 'both',
  'nothing but', 'an absolute', 'the biggest', ...INSULT_ADJECTIVES,
];

const NOUN = `(?:${stretchable([...INSULT_NOUNS, ...INSULT_VERB_NOUNS])})(?:e?s)?`;
const VOCATIVE_NOUN = `(?:${stretchable(INSULT_NOUNS)})(?:e?s)?`;
const ADJECTIVE = `(?:${stretchable(INSULT_ADJECTIVES)})`;
const FILLER = `(?:(?:${alternatives(INTENSIFIERS)}) ){0,3}`;
const CLAUSE_END = String.raw`(?= ?(?:[.!?,;:")]|$|and\b|or\b|but\b))`;
const YOU = String.raw`(?:you|u|ya)`;
/** "you are", "you're", "u r", "you people are", "you clearly are" and the "your an idiot" misspelling. */
const YOU_ARE = String.raw`(?:${YOU}(?:'re| are| r|re)|you(?: people| guys| lot| all| two| clearly| really| truly| obviously| honestly)? are|y'all are|your(?= (?:a|an|so|such) ))`;

/**
 * One expression per rule, so a comment is scanned once per rule: `patterns` start at a
 * word boundary, `clauseOpeners` at the start of the text or after . ! ? ; : , " (
 */
function rule(patterns: readonly string[], clauseOpeners: readonly string[] = []): RegExp {
  const openers = clauseOpeners.map((opener) => `(?:^|[.!?;:,"(] ?)${opener}`);
  return new RegExp([`\\b(?:${patterns.join('|')})\\b`, ...openers].join('|'));
}

const PERSONAL_ATTACK = rule(
  [
    `${YOU_ARE} ${FILLER}(?:${NOUN}|${ADJECTIVE})`,
    // "ur" is also "your": "ur stupid" is an attack, "ur stupid comment" is not.
    `ur ${FILLER}(?:${NOUN}|${ADJECTIVE})${CLAUSE_END}`,
    `you (?:(?:${alternatives(INTENSIFIERS)}) ){0,2}${VOCATIVE_NOUN}`,
    `(?:an?|such an?) ${FILLER}${NOUN} like ${YOU}`,
    `(?:fuck|screw|f\\*+k) ${YOU}`,
    `(?:no ?one|nobody) (?:here )?(?:wants|likes|cares about|asked|needs) (?:you|your)`,
  ],
  [
    `(?:just |now |so |please |oh )?(?:shut up|shut your (?:mouth|face|trap|pie ?hole)|get lost|go away|piss off|fuck off|bugger off|sod off|go to hell|get out of here|go back to (?:where you came from|your (?:country|cave|hole)))\\b`,
    // "Read the article, idiot." A listed animal after a comma is more likely a list: "cattle, pigs, sheep".
    `(?:you )?(?:${VOCATIVE_NOUN}|(?:fool|troll)s?)${CLAUSE_END}`,
  ],
);

const SELF = String.raw`(?:your ?self|yourselves|ur ?self|urselves|yo ?self)`;
const DEATH_WISH = rule(
  [
    // "kys", also spelled out: "k.y.s", "k y s"
    'k+[ .*_-]*y+[ .*_-]*s+',
    // "don't kill yourself over it", "you'd kill yourself laughing" are idioms, not incitement.
    `(?:kill|hang|neck|unalive)(?<!(?:don't|dont|do not|never|not|won't|wont|will|'ll|would|'d|could|might|may|can|can't|cant|to|almost|nearly) \\w+) ${SELF}`,
    `(?:want|need|ought|have|has|got|deserve|tell you|told you)(?: you)? to (?:kill|hang|neck|unalive) ${SELF}`,
    'go (?:and )?(?:die|jump off a (?:bridge|cliff)|drink bleach)',
    `(?:hope|wish|pray) (?:that )?${YOU} (?:die|get (?:cancer|killed|shot|raped|run over)|burn|rot|choke|drown)`,
    `${YOU} (?:should|ought to|deserve to|need to|must) (?:die|be (?:shot|killed|hanged|hung|executed|put down|gassed))`,
    'die in a (?:fire|hole|ditch)',
  ],
  ['(?:just |please |now )?drop dead(?! gorgeous)\\b'],
);

const I_WILL = String.raw`(?:i|we)(?:'ll| will| shall|'m going to| am going to|'m gonna| am gonna|'re going to| are going to|'re gonna| are gonna| gonna|'d love to| would love to| want to| wanna)`;
const VICTIM = String.raw`(?:${YOU}|your (?:family|kids|children|wife|husband|mother|mom|mum))`;
/** Where a threat's object ends: "I'll find you." / "I will find you and ...", but not "I'll find you a source". */
const THREAT_END = String.raw`(?= ?(?:[.!?,;:")]|$|and\b|soon\b|later\b|one day\b|tonight\b|for (?:this|that)\b))`;
const THREAT = rule([
  `${I_WILL} (?:kill|murder|hurt|stab|shoot|strangle|punch|slap|rape|bury|gut|beat the \\w+ out of) ${VICTIM}`,
  // "I'll find you a source" is help; "I'll find you." is not.
  `${I_WILL} (?:find|get|come for|come after|deal with|visit|hunt|track) ${YOU}${THREAT_END}`,
  `${I_WILL} (?:beat ${YOU} up|hunt ${YOU} down|track ${YOU} down)`,
  `(?:i|we) know where ${YOU} (?:live|work|sleep)`,
  `${YOU}(?:'ll| will| are going to|'re going to) pay for (?:this|that|it)${THREAT_END}`,
  'watch your back',
  `${YOU}(?:'re| are| r) (?:so |already )?dead(?: meat| man)?${CLAUSE_END}`,
]);

function firstMatch(expression: RegExp, { folded }: CommentUnderReview): string | undefined {
  const match = expression.exec(folded);
  return match ? `matched ${quote(match[0].replace(/^[.!?;:,"( ]+/, ''))}` : undefined;
}

export const checkPersonalAttack = (comment: CommentUnderReview) => firstMatch(PERSONAL_ATTACK, comment);
export const checkDeathWish = (comment: CommentUnderReview) => firstMatch(DEATH_WISH, comment);
export const checkThreat = (comment: CommentUnderReview) => firstMatch(THREAT, comment);
