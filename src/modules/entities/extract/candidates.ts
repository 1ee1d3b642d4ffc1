import { findAcronymDefinitions, isAcronym, type AcronymDefinition } from './acronyms.js';
import type { AnalysisText } from './analysis-text.js';
import { buildChunks } from './chunks.js';
import { classifyChunk } from './classify.js';
import { shareListTypes } from './coordination.js';
import { datelineMentions } from './dateline.js';
import type { EntityMatcher } from './entity-matcher.js';
import { gazetteer } from './gazetteer.js';
import { isCommonWord, isFirstName } from './lexicon.js';
import type { Mention } from './mention.js';
import { CLUB_AFTER, CONNECTORS, ORG_HEADS, PLACE_HEADS, singular } from './name-rules.js';
import { nameKey } from './normalize.js';
import { createSpanTable, tokenRange, type SpanTable } from './span-table.js';
import type { Token } from './tokenize.js';

export interface Candidates {
  readonly mentions: Mention[];
  /** Token indices of acronyms in their own definition: "(FAA)" right after the long form. */
  readonly definitionAcronyms: ReadonlySet<number>;
}

/** Every mention the text offers: known entities, gazetteer entries, defined acronyms, and new names. */
export function findCandidates(analysis: AnalysisText, tokens: readonly Token[], matcher?: EntityMatcher): Candidates {
  const table = createSpanTable(tokens.length);
  const knownAt = new Map<number, Mention>();
  for (const hit of matcher?.match(tokens) ?? []) {
    const mention: Mention = { start: hit.start, end: hit.end, type: hit.value.type, weight: 10, ref: `known:${hit.value.id}`, known: hit.value };
    knownAt.set(hit.start, mention);
    table.claim({ kind: 'entity', start: hit.start, end: hit.end, mention });
  }
  const definitionAcronyms = new Set<number>();
  const body = analysis.segments.filter((s) => s.kind !== 'dateline').map((s) => tokenRange(tokens, s));
  for (const definition of body.flatMap(([from, to]) => findAcronymDefinitions(tokens, from, to))) {
    if (defineAcronym(definition, tokens, knownAt, table)) definitionAcronyms.add(definition.acronymAt);
  }
  claimGazetteer(tokens, table);

  const { spans } = table;
  const placeEnds = new Set<number>();
  for (const span of spans.values()) if (span.kind === 'entity' && span.mention.type === 'place') placeEnds.add(span.end);
  const mentions: Mention[] = [];
  for (const segment of analysis.segments) {
    const [from, to] = tokenRange(tokens, segment);
    if (segment.kind === 'dateline') {
      mentions.push(...datelineMentions(analysis, tokens, spans));
    } else if ((segment.kind === 'title' || segment.kind === 'standfirst') && isTitleCase(tokens, from, to)) {
      // Every word of a "Title Case Headline" has a capital: only listed names are safe there.
      for (let i = from; i < to; i++) {
        const span = spans.get(i);
        if (span?.kind === 'entity') mentions.push(span.mention);
      }
    } else {
      const { chunks, titleEnds } = buildChunks(tokens, from, to, spans);
      for (const chunk of chunks) mentions.push(...classifyChunk(chunk, { tokens, titleEnds, placeEnds }));
    }
  }
  return { mentions: shareListTypes(tokens, mentions), definitionAcronyms };
}

// The long form and every use of the acronym become one entity; the long form's own words
// are not looked up again ("Bank of England (BoE)" is not a mention of England).
function defineAcronym(definition: AcronymDefinition, tokens: readonly Token[], knownAt: ReadonlyMap<number, Mention>, table: SpanTable): boolean {
  const { acronymAt, longStart, longEnd } = definition;
  const acronym = tokens[acronymAt] as Token;
  const knownLong = knownAt.get(longStart);
  let long: Mention;
  if (knownLong?.end === longEnd) {
    long = knownLong;
  } else {
    if (!table.free(longStart, longEnd)) return false;
    const knownAcronym = knownAt.get(acronymAt);
    long = knownAcronym ? { ...knownAcronym, start: longStart, end: longEnd } : { start: longStart, end: longEnd, ...longFormType(tokens.slice(longStart, longEnd)), ref: `acronym:${acronym.key}` };
    table.claim({ kind: 'entity', start: longStart, end: longEnd, mention: long });
  }
  tokens.forEach((token, i) => {
    if (token.key !== acronym.key || !isAcronym(token) || !table.free(i, i + 1)) return;
    table.claim({ kind: 'entity', start: i, end: i + 1, mention: { ...long, start: i, end: i + 1 } });
  });
  return true;
}

function longFormType(words: readonly Token[]): Pick<Mention, 'type' | 'weight'> {
  const head = singular((words.at(-1) as Token).key);
  if (ORG_HEADS.has(head) || words.some((t) => CONNECTORS.has(t.key))) return { type: 'organization', weight: 3 };
  if (PLACE_HEADS.has(head)) return { type: 'place', weight: 2 };
  // Most acronyms stand for bodies; some for people ("AOC").
  return isFirstName((words[0] as Token).key) ? { type: 'person', weight: 2 } : { type: 'organization', weight: 2 };
}

// Looked up only between the spans already claimed: a known entity or a defined name wins.
function claimGazetteer(tokens: readonly Token[], table: SpanTable): void {
  const trie = gazetteer();
  for (let from = 0; from < tokens.length; ) {
    if (!table.free(from, from + 1)) {
      from += 1;
      continue;
    }
    let to = from;
    while (to < tokens.length && table.free(to, to + 1)) to += 1;
    for (const hit of trie.find(tokens, from, to)) {
      const { name, type } = hit.value;
      if (type === 'demonym') {
        table.claim({ kind: 'demonym', start: hit.start, end: hit.end });
        continue;
      }
      const surface = tokens.slice(hit.start, hit.end).map((t) => t.key).join(' ');
      const club = hit.value.city && CLUB_AFTER.has(tokens[hit.end]?.key ?? '');
      const mention: Mention = { start: hit.start, end: hit.end, type: club ? 'organization' : type, weight: club ? 4 : 3, ref: `gazetteer:${nameKey(name ?? surface)}`, canonical: name };
      table.claim({ kind: 'entity', start: hit.start, end: hit.end, mention });
    }
    from = to;
  }
}

// "Summit Adopts Resolutions for Closer Cooperation": ordinary words written with capitals.
function isTitleCase(tokens: readonly Token[], from: number, to: number): boolean {
  let capitalizedCommon = 0;
  let lower = 0;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i] as Token;
    if (!t.isWord || t.key.length <= 3) continue;
    if (!t.cap) lower += 1;
    else if (isCommonWord(t.key)) capitalizedCommon += 1;
  }
  return capitalizedCommon >= 2 && capitalizedCommon > lower;
}
