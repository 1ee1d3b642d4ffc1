import type { Mention } from './mention.js';
import type { EntityType, KnownEntity } from './types.js';

/** Mentions taken for one entity, and the evidence for its type summed over them. */
export interface Group {
  mentions: Mention[];
  known?: KnownEntity;
  /** The gazetteer's full name, if a gazetteer entry was matched. */
  canonical?: string | null;
  scores: Record<EntityType, number>;
  /** Trailing parts of a person's name that stand for the person here: comparison key → form as written. */
  shortForms: Map<string, string>;
}

/** Evidence of type under this is a guess that the NLP library may settle. */
export const UNSURE = 1.5;

const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export function newGroup(): Group {
  return { mentions: [], scores: { person: 0, organization: 0, place: 0 }, shortForms: new Map() };
}

export function addMention(group: Group, mention: Mention): void {
  group.mentions.push(mention);
  if (mention.type) group.scores[mention.type] += mention.weight;
  group.known ??= mention.known;
  if (mention.canonical !== undefined) group.canonical ??= mention.canonical;
}

/**
 * Moves everything of `from` into `into` and takes `from` out of `groups`. With `as`, only the
 * evidence for that type moves: a surname the patterns took for a place is still the person's.
 */
export function absorb(groups: Group[], into: Group, from: Group, as?: EntityType): void {
  if (into === from) return;
  into.mentions.push(...from.mentions);
  for (const t of TYPES) if (!as || t === as) into.scores[t] += from.scores[t];
  into.known ??= from.known;
  into.canonical ??= from.canonical;
  for (const [key, form] of from.shortForms) into.shortForms.set(key, form);
  groups.splice(groups.indexOf(from), 1);
}

/** The type with the most evidence, and that evidence; a tie is no type. */
export function strongestType(scores: Readonly<Record<EntityType, number>>): [EntityType | null, number] {
  let type: EntityType | null = null;
  let score = 0;
  for (const t of TYPES) {
    if (scores[t] > score) [type, score] = [t, scores[t]];
    else if (scores[t] === score && score > 0) type = null;
  }
  return [type, score];
}

/** The group's strongest type; a known entity's type always wins. */
export function bestType(group: Group): [EntityType | null, number] {
  return group.known ? [group.known.type, Infinity] : strongestType(group.scores);
}
