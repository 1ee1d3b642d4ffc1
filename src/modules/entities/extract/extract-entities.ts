import { buildAnalysisText } from './analysis-text.js';
import { findCandidates } from './candidates.js';
import { toDraft, type Draft } from './draft.js';
import type { EntityMatcher } from './entity-matcher.js';
import { bestType, UNSURE, type Group } from './groups.js';
import type { Mention } from './mention.js';
import { nlpTypes } from './nlp-signal.js';
import { findOccurrences } from './occurrences.js';
import { groupMentions } from './resolve.js';
import { salience } from './salience.js';
import { tokenize, type Token } from './tokenize.js';
import type { ArticleText, ExtractedEntity } from './types.js';

export { buildAnalysisText } from './analysis-text.js';
export { createEntityMatcher, type EntityMatcher } from './entity-matcher.js';
export type { ArticleText, EntityType, ExtractedEntity, KnownEntity } from './types.js';

// Below this an entity rests on one weak clue ("in the X"), which is too little to propose it.
const MIN_EVIDENCE = 1;
// What compromise's opinion is worth against the patterns' clues.
const NLP_WEIGHT = 1.5;
// Mentions of an unsure entity shown to compromise, and of all of them in one article: enough
// to decide the names that matter, few enough to keep an article within ~20 ms.
const NLP_SAMPLES = 2;
const NLP_BUDGET = 8;

/**
 * Finds the people, organizations and places an article names. Known entities (matched by name
 * and alias through `matcher`) keep their id, name and type; other names are proposed from
 * lists, name patterns, context and compromise. Offsets point into `buildAnalysisText(article).text`.
 */
export function extractEntities(article: ArticleText, matcher?: EntityMatcher): ExtractedEntity[] {
  const analysis = buildAnalysisText(article);
  const { text } = analysis;
  const tokens = tokenize(text);
  const { mentions, definitionAcronyms } = findCandidates(analysis, tokens, matcher);
  const groups = groupMentions(text, tokens, mentions);
  askNlp(text, tokens, groups);

  const drafts: Draft[] = [];
  for (const group of groups) {
    const [type, score] = bestType(group);
    if (type && score >= MIN_EVIDENCE) drafts.push(toDraft(text, tokens, group, type));
  }
  const occurrences = findOccurrences(tokens, drafts, definitionAcronyms);
  const mostMentions = Math.max(0, ...occurrences.map((o) => o.length));
  const entities = drafts.map((draft, i): ExtractedEntity => {
    const offsets = occurrences[i] ?? [];
    return {
      ...(draft.known ? { knownId: draft.known.id } : {}),
      name: draft.name,
      type: draft.type,
      aliases: draft.aliases,
      mentions: offsets.length,
      firstOffset: offsets[0] ?? 0,
      salience: salience(offsets, analysis.segments, text.length, mostMentions),
    };
  });
  return entities.sort((a, b) => b.salience - a.salience || a.firstOffset - b.firstOffset);
}

// Entities whose type the patterns could not settle get compromise's reading of a few of
// their mentions; everything else skips the tagger, which is the slowest step by far. A lone
// capitalized word that opens a sentence ("Shareholders", "Opponents") is not worth asking about.
function askNlp(text: string, tokens: readonly Token[], groups: readonly Group[]): void {
  const worthAsking = (m: Mention) => m.end - m.start > 1 || !(tokens[m.start] as Token).sentenceStart;
  // The most mentioned first: they weigh most in the result.
  const asked = groups
    .filter((group) => bestType(group)[1] < UNSURE)
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .flatMap((group) => group.mentions.filter(worthAsking).slice(0, NLP_SAMPLES).map((m) => ({ group, range: [m.start, m.end] as const })))
    .slice(0, NLP_BUDGET);
  const types = nlpTypes(text, tokens, asked.map((a) => a.range));
  asked.forEach(({ group }, i) => {
    const type = types[i];
    if (type) group.scores[type] += NLP_WEIGHT;
  });
}
