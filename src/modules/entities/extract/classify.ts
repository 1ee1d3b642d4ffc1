import { unitEnd, unitStart, type Unit } from './chunks.js';
import { strongestType } from './groups.js';
import { isCommonWord, isFirstName, isLastName, isRoleWord } from './lexicon.js';
import type { Mention } from './mention.js';
import { foldPunctuation } from './normalize.js';
import {
  DIRECTIONS, NAME_PARTICLES, NON_ENTITY_HEADS, ORG_AFTER, ORG_BEFORE, ORG_FRONTS, ORG_HEADS, ORG_PREFIXES, ORG_SUFFIXES, PERSON_BEFORE,
  PLACE_BEFORE, PLACE_FRONTS, PLACE_HEADS, SPEECH_VERBS, TITLE_HEADS, looksLikeBrand, looksLikeSurname, singular,
} from './name-rules.js';
import type { Token } from './tokenize.js';
import type { EntityType } from './types.js';

export interface ClassifyContext {
  readonly tokens: readonly Token[];
  readonly titleEnds: ReadonlySet<number>;
  /** Token indices right after a place name. */
  readonly placeEnds: ReadonlySet<number>;
}

/** Turns one chunk into mentions: bodies, places and people, each typed as far as the words allow. */
export function classifyChunk(units: readonly Unit[], ctx: ClassifyContext): Mention[] {
  const out: Mention[] = [];
  for (const part of splitParts(units, ctx)) classifyPart(trimConnectors(part), ctx, out);
  return out;
}

const keyOf = (ctx: ClassifyContext, unit: Unit | undefined) => (unit && (unit.kind === 'word' || unit.kind === 'connector') ? (ctx.tokens[unit.at] as Token).key : undefined);
const isOrgEntity = (unit: Unit | undefined) => unit?.kind === 'entity' && unit.mention.type === 'organization';

function trimConnectors(units: Unit[]): Unit[] {
  let from = 0;
  let to = units.length;
  while (from < to && units[from]?.kind === 'connector') from += 1;
  while (to > from && units[to - 1]?.kind === 'connector') to -= 1;
  return units.slice(from, to);
}

// "Chile and Peru" are two places, "Food and Drug Administration" is one body; "Council of the
// EU" is the council of a body already named.
function splitParts(units: readonly Unit[], ctx: ClassifyContext): Unit[][] {
  const parts: Unit[][] = [];
  let current: Unit[] = [];
  units.forEach((unit, k) => {
    const key = keyOf(ctx, unit);
    if (unit.kind === 'connector' && key) {
      const rest = units.slice(k + 1);
      const nextAnd = rest.findIndex((u) => u.kind === 'connector' && ['and', '&'].includes(keyOf(ctx, u) ?? ''));
      const right = nextAnd < 0 ? rest : rest.slice(0, nextAnd);
      const joined = [...current, unit, ...right];
      const bothNames = (isOrgName(current, ctx) && isOrgName(right, ctx)) || (isEntity(current) && isEntity(right));
      const split =
        key === '&' ? isEntity(current) && isEntity(right)
        : key === 'and' ? !isOrgName(joined, ctx) || bothNames
        : ['of', 'for', 'on'].includes(key) && startsWithBody(rest, ctx);
      if (split) {
        parts.push(current);
        current = [];
        return;
      }
    }
    current.push(unit);
  });
  parts.push(current);
  return parts;
}

const isEntity = (units: readonly Unit[]) => units.length === 1 && units[0]?.kind === 'entity';

function startsWithBody(units: readonly Unit[], ctx: ClassifyContext): boolean {
  const first = units[0]?.kind === 'connector' ? units[1] : units[0];
  return isOrgEntity(first) || (first?.kind === 'word' && (ctx.tokens[first.at] as Token).upper);
}

function isOrgName(units: readonly Unit[], ctx: ClassifyContext): boolean {
  if (units.length < 2) return false;
  const last = keyOf(ctx, units.at(-1));
  const first = keyOf(ctx, units[0]);
  if (units.at(-1)?.kind === 'word' && last && ORG_HEADS.has(singular(last))) return true;
  if (first && ORG_PREFIXES.has(first) && units[1]?.kind !== 'connector') return true;
  if (first && ORG_FRONTS.has(first) && ['of', 'for', 'on'].includes(keyOf(ctx, units[1]) ?? '')) return true;
  // "International Organization for Migration", "Bank for International Settlements".
  const linked = units.findIndex((u, k) => k > 0 && u.kind === 'connector' && ['of', 'for', 'on'].includes(keyOf(ctx, u) ?? ''));
  const beforeLink = keyOf(ctx, units[linked - 1]);
  if (linked > 0 && units[linked - 1]?.kind === 'word' && beforeLink && ORG_HEADS.has(singular(beforeLink))) return true;
  return units.some((u) => keyOf(ctx, u) === '&');
}

function isPlaceName(units: readonly Unit[], ctx: ClassifyContext): boolean {
  if (units.length < 2 || units.some((u) => u.kind === 'connector')) return false;
  const last = keyOf(ctx, units.at(-1));
  const first = keyOf(ctx, units[0]);
  return (!!last && PLACE_HEADS.has(last)) || (!!first && (PLACE_FRONTS.has(first) || DIRECTIONS.has(first)));
}

function classifyPart(part: Unit[], ctx: ClassifyContext, out: Mention[]): void {
  const [first, second] = part;
  if (!first) return;
  if (part.length === 1 && first.kind !== 'word') {
    if (first.kind === 'entity') out.push(first.mention);
    return;
  }
  // "the NATO Council", "Boeing Co.": a body already named, and one of its organs or its legal form.
  if (part.length === 2 && isOrgEntity(first) && first.kind === 'entity' && second?.kind === 'word' && ORG_SUFFIXES.has(keyOf(ctx, second) ?? '')) {
    out.push(first.mention);
    return;
  }
  const head = keyOf(ctx, part.at(-1));
  if (part.at(-1)?.kind === 'word' && head && NON_ENTITY_HEADS.has(head)) return;
  const start = unitStart(first);
  const end = unitEnd(part.at(-1) as Unit);
  if (isOrgName(part, ctx)) {
    out.push({ start, end, type: 'organization', weight: 3 });
    return;
  }
  if (isPlaceName(part, ctx)) {
    out.push({ start, end, type: 'place', weight: 2 });
    return;
  }
  classifyPieces(part, ctx, out);
}

// What is left is names side by side: entities already known, and runs of words between them.
function classifyPieces(part: readonly Unit[], ctx: ClassifyContext, out: Mention[]): void {
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) classifyRun(run[0] as number, (run.at(-1) as number) + 1, ctx, out);
    run = [];
  };
  part.forEach((unit, k) => {
    const previous = part[k - 1];
    // "George Washington": a one-word place after a first name is a surname.
    const surnamePlace = unit.kind === 'entity' && unit.mention.type === 'place' && unit.mention.end - unit.mention.start === 1 && previous?.kind === 'word' && isFirstName((ctx.tokens[previous.at] as Token).key);
    if (unit.kind === 'word' || surnamePlace) {
      const at = unitStart(unit);
      const token = ctx.tokens[at] as Token;
      // An acronym beside a name is a body of its own ("CIA"); two capitals are initials ("AJ Tracey", "J.K.").
      if (token.upper && token.key.replace(/[^\p{L}]/gu, '').length > 2) {
        flush();
        run.push(at);
        flush();
        return;
      }
      run.push(at);
      return;
    }
    flush();
    if (unit.kind === 'entity') out.push(unit.mention);
  });
  flush();
}

// Longer runs of capitals are headings or shouting, not a name ("María de los Ángeles Gómez" is five).
const MAX_NAME_WORDS = 7;

function classifyRun(start: number, end: number, ctx: ClassifyContext, out: Mention[]): void {
  const { tokens } = ctx;
  if (end - start > MAX_NAME_WORDS) return;
  const keys = tokens.slice(start, end).map((t) => t.key);
  const single = keys.length === 1;
  const only = keys[0] as string;
  if (single && (ORG_HEADS.has(singular(only)) || PLACE_HEADS.has(only) || DIRECTIONS.has(only) || TITLE_HEADS.has(only) || NON_ENTITY_HEADS.has(only))) return;
  const scores: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  const before = tokens[start - 1];
  const after = tokens[end]?.key === "'s" ? tokens[end + 1] : tokens[end];
  // A capital that only opens the sentence does not make a word part of a name: "Rival Airbus".
  const lowerBefore = before?.isWord && (!before.cap || before.sentenceStart) ? before.key : '';
  const lowerAfter = after?.isWord && !after.cap ? after.key : '';

  if (ctx.titleEnds.has(start)) scores.person += 3;
  if (PERSON_BEFORE.has(lowerBefore) || (!before?.cap && isRoleWord(lowerBefore))) scores.person += 2;
  if (ORG_BEFORE.has(lowerBefore) || ORG_AFTER.has(lowerAfter)) scores.organization += 2;
  if (tokens.slice(start, end).some((t) => looksLikeBrand(foldPunctuation(t.text)))) scores.organization += 2;
  if (PLACE_BEFORE.has(lowerBefore)) scores.place += 1;
  else if (lowerBefore === 'the' && PLACE_BEFORE.has(tokens[start - 2]?.key ?? '')) scores.place += 0.8;
  const last = keys.at(-1) as string;
  if (single) {
    if ((tokens[start] as Token).upper && SPEECH_VERBS.has(lowerAfter)) scores.organization += 1.5;
    // "Russia's Rosatom", "Japan's Toyota"; "Russia's Putin" is taken by the surname when the full name is there.
    if (before?.key === "'s" && ctx.placeEnds.has(start - 1)) scores.organization += 1.5;
  } else {
    // "The Guardian", "The Beatles": a capitalized article inside a sentence opens a title.
    if (only === 'the') scores.organization += 2;
    if (isFirstName(only)) scores.person += 2;
    if (isLastName(last) || looksLikeSurname(last)) scores.person += 1.5;
    if (keys.some((k, i) => i > 0 && NAME_PARTICLES.has(k) && !(tokens[start + i] as Token).cap)) scores.person += 2;
    // A name that ends in an ordinary noun ("Counterpoint Research") is more likely a body's;
    // ordinary words only are a name when capitals mark them mid-sentence ("the Daily Record"),
    // hardly otherwise ("a Jazz Master").
    if (isCommonWord(last) && !isLastName(last)) scores.organization += !isCommonWord(only) || lowerBefore === 'the' ? 1 : 0.5;
    else if (SPEECH_VERBS.has(lowerAfter) || appositiveRole(tokens, end)) scores.person += 1;
    // Names of people rarely follow "the" ("the Casa Rosada", "the Jenner Institute").
    if (lowerBefore !== 'the' && keys.every((k, i) => !isCommonWord(k) || (i === 0 && isFirstName(k)))) scores.person += 1;
  }
  const [type, weight] = strongestType(scores);
  out.push({ start, end, type, weight });
}

// "Mark van Bommel, the new coach of ...": a role right after the name.
function appositiveRole(tokens: readonly Token[], end: number): boolean {
  if (tokens[end]?.text !== ',') return false;
  for (let i = end + 1; i < end + 6; i++) {
    const t = tokens[i];
    if (!t?.isWord) return false;
    if (PERSON_BEFORE.has(t.key) || isRoleWord(t.key)) return true;
  }
  return false;
}
