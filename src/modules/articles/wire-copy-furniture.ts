// Page furniture is what a web page or a wire feed puts around a story. Only short paragraphs
// are candidates, so a real paragraph that merely opens like furniture is kept.
const FURNITURE_MAX = 200;

const NETWORKS = 'facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|pocket|flipboard|messenger|email|e-mail|print|copy link|share|tweet|more';

/** Furniture that can stand anywhere, even between paragraphs of the story: it is dropped alone. */
const FURNITURE_LINES: readonly RegExp[] = [
  /^[^\p{L}\p{N}]*$/u, // rules and ornaments such as "* * *" or "###"
  /^advertisement$/i,
  /^(?:story|article) continues below(?: this)? (?:advertisement|ad)$/i,
  new RegExp(`^(?:(?:${NETWORKS})\\b[\\s,|·•]*)+$`, 'i'),
  /^share (?:this|on)\b/i,
  /^(?:read|see) (?:more|also)(?:\s*[:»›>…].*)?$/i,
  /^related:\s*\S/i,
  new RegExp(`^follow (?:us\\b|.{1,60}\\bon (?:${NETWORKS})\\b)`, 'i'),
  /^(?:sign up|subscribe)\b.*\bnewsletters?\b/i,
];

/** Headings of what a page shows after the story (comments, policies, related links): they end it. */
const CLOSING_HEADINGS: readonly RegExp[] = [
  /^(?:discussion|comments?|commenting) polic(?:y|ies)\W*$/i,
  /^(?:leave|post|add|write) a (?:reply|comment|response)\b/i,
  /^join the (?:discussion|conversation)\b/i,
  /^comments?\W*$/i,
  /^(?:no|one|zero|\d+) (?:comments?|responses?|replies)(?: yet| so far)?\W*$/i,
  /^comments? \(\d+\)$/i,
  /^(?:one|\d+) thoughts? on\b/i,
  /^be the first to comment\b/i,
  /^related(?: articles| stories| posts| news| coverage| content| links| reading)?\W*$/i,
  /^(?:you (?:may|might) also like|most (?:read|popular|viewed)|recommended(?: for you)?|read next|up next)\W*$/i,
];

/** Lines a feed or a page appends to the very end of a story: copyright notices and end marks. */
const TRAILERS: readonly RegExp[] = [
  /^(?:©|\(c\)\s)|^copyright\b.*(?:\d{4}|reserved)/i,
  /^all rights reserved\b/i,
  /^-+\s*(?:30|0)\s*-+$|^\(?(?:ends?|xxx)\)?\.?$/i,
];

const SENTENCE_END = /[.!?…:;,—]["'”’»)\]]*$/u;

/** True when a paragraph ends the way body text does, which a headline or standfirst does not. */
export function endsLikeSentence(paragraph: string): boolean {
  return SENTENCE_END.test(paragraph);
}

const matches = (patterns: readonly RegExp[], paragraph: string) =>
  paragraph.length <= FURNITURE_MAX && patterns.some((pattern) => pattern.test(paragraph));

/**
 * The paragraphs under a headline without the page furniture. A closing heading ends the story
 * only once a sentence of it has been read: above the story it is a counter or a link next to
 * the headline and is dropped alone.
 */
export function stripFurniture(paragraphs: readonly string[]): string[] {
  const story: string[] = [];
  let started = false;
  for (const paragraph of paragraphs) {
    if (matches(CLOSING_HEADINGS, paragraph)) {
      if (started) break;
      continue;
    }
    if (matches(FURNITURE_LINES, paragraph)) continue;
    story.push(paragraph);
    started ||= endsLikeSentence(paragraph);
  }
  let end = story.length;
  while (end > 0 && matches(TRAILERS, story[end - 1] ?? '')) end--;
  return story.slice(0, end);
}
