import { isDemonymWord } from './gazetteer.js';
import { isCommonWord, isFirstName, mayOpenName } from './lexicon.js';
import type { Mention } from './mention.js';
import { CONNECTORS, NAME_PARTICLES, NEVER_NAMES, ORG_BEFORE, PERSON_BEFORE } from './name-rules.js';
import { continuesName, titleEnd } from './titles.js';
import type { Token } from './tokenize.js';

/** Tokens already identified before chunking: known entities, gazetteer entries, defined acronyms. */
export type Span = { readonly start: number; readonly end: number } & ({ readonly kind: 'entity'; readonly mention: Mention } | { readonly kind: 'demonym' });

export type Unit =
  | { readonly kind: 'word'; readonly at: number }
  | { readonly kind: 'connector'; readonly at: number }
  | { readonly kind: 'demonym'; readonly start: number; readonly end: number }
  | { readonly kind: 'entity'; readonly mention: Mention };

export const unitStart = (unit: Unit) => (unit.kind === 'entity' ? unit.mention.start : unit.kind === 'demonym' ? unit.start : unit.at);
export const unitEnd = (unit: Unit) => (unit.kind === 'entity' ? unit.mention.end : unit.kind === 'demonym' ? unit.end : unit.at + 1);

export interface Chunks {
  /** Runs of capitalized words, with the lower-case words that can sit inside a name. */
  readonly chunks: Unit[][];
  /** Token indices right after a title ("President", "Sir", "Minister of Defense"). */
  readonly titleEnds: ReadonlySet<number>;
}

/** Cuts tokens[from, to) into candidate name chunks, leaving titles, demonyms and dates out. */
export function buildChunks(tokens: readonly Token[], from: number, to: number, spans: ReadonlyMap<number, Span>): Chunks {
  const chunks: Unit[][] = [];
  const titleEnds = new Set<number>();
  let units: Unit[] = [];
  const flush = () => {
    while (units.at(-1)?.kind === 'connector') units.pop();
    if (units.length > 0) chunks.push(units);
    units = [];
  };
  const isJoiner = (t: Token) => t.isWord && !t.cap && (CONNECTORS.has(t.key) || NAME_PARTICLES.has(t.key));
  // Whether a name goes on at i, past any "of the", "van der".
  const nameAhead = (i: number): boolean => {
    while (i < to && isJoiner(tokens[i] as Token) && !(tokens[i] as Token).lineStart) i += 1;
    const t = tokens[i];
    return !!t && !t.lineStart && (spans.has(i) || (t.isWord && t.cap && !NEVER_NAMES.has(t.key)));
  };
  // "Spirit AeroSystems said": an ordinary word opening a sentence, then a word that is only a
  // name; not a word that describes the name ("Rival Airbus", "Striker Kane").
  const opensName = (i: number) => {
    const next = tokens[i + 1];
    const key = (tokens[i] as Token).key;
    return mayOpenName(key) && !ORG_BEFORE.has(key) && !PERSON_BEFORE.has(key) && !!next?.isWord && next.cap && !next.lineStart && !isCommonWord(next.key) && !isDemonymWord(next.key) && !NEVER_NAMES.has(next.key);
  };
  const holdsName = () => units.some((u) => u.kind === 'word' && (tokens[u.at] as Token).cap);

  for (let i = from; i < to; ) {
    const token = tokens[i] as Token;
    if (token.lineStart) flush();
    const span = spans.get(i);
    if (span) {
      units.push(span.kind === 'entity' ? { kind: 'entity', mention: span.mention } : { kind: 'demonym', start: span.start, end: span.end });
      i = span.end;
      continue;
    }
    if (token.isWord && token.cap) {
      // "Theresa May" keeps its month; "on Tuesday", "in January" end a name.
      if (NEVER_NAMES.has(token.key) && !(units.at(-1)?.kind === 'word' && holdsName())) {
        flush();
        i += 1;
        continue;
      }
      const end = titleEnd(tokens, i, to);
      if (end > i && isTitle(tokens[end], holdsName())) {
        flush();
        titleEnds.add(end);
        i = end;
        continue;
      }
      if (isDemonymWord(token.key)) units.push({ kind: 'demonym', start: i, end: i + 1 });
      else if (units.length > 0 || !token.sentenceStart || !isCommonWord(token.key) || isFirstName(token.key) || opensName(i)) units.push({ kind: 'word', at: i });
      i += 1;
      continue;
    }
    const particle = token.isWord && NAME_PARTICLES.has(token.key);
    if ((particle || (isJoiner(token) && units.length > 0) || (token.text === '&' && units.length > 0)) && nameAhead(i + 1)) {
      units.push({ kind: particle && !CONNECTORS.has(token.key) ? 'word' : 'connector', at: i });
      i += 1;
      continue;
    }
    flush();
    i += 1;
  }
  flush();
  return { chunks, titleEnds };
}

// A title before a name, or standing alone ("the President said"); not the end of a name
// ("Stephen King said") nor the start of a body's name ("General Motors").
function isTitle(next: Token | undefined, afterName: boolean): boolean {
  if (continuesName(next)) return false;
  if (next?.isWord && next.cap && !next.lineStart) return true;
  return !afterName;
}
