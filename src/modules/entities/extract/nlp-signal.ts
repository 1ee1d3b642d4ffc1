import nlp from 'compromise';
import type { Token } from './tokenize.js';
import type { EntityType } from './types.js';

interface Match {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

interface Piece {
  /** Where the sentence starts in the text given to compromise, and in the analysis text. */
  readonly at: number;
  readonly from: number;
  readonly length: number;
}

type Offset = { offset?: { start?: number; length?: number } };

// Words of context either side of a name: what compromise's tagger looks at, at most.
const CONTEXT = 5;

/**
 * What compromise calls each token range: a person, place, organization or nothing. Only a few
 * words around each range are tagged, all in one call, since tagging costs ~0.07 ms a word.
 */
export function nlpTypes(text: string, tokens: readonly Token[], ranges: ReadonlyArray<readonly [number, number]>): Array<EntityType | null> {
  if (ranges.length === 0) return [];
  const windows: Array<[number, number]> = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const [from, to] = windowAround(tokens, start, end);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const pieces: Piece[] = [];
  let joined = '';
  for (const [from, to] of windows) {
    const start = (tokens[from] as Token).start;
    const end = (tokens[to - 1] as Token).end;
    if (joined) joined += '\n\n';
    pieces.push({ at: joined.length, from: start, length: end - start });
    joined += text.slice(start, end);
  }
  const doc = nlp(joined);
  const matches: Match[] = [];
  const collect = (found: unknown[], type: EntityType) => {
    for (const item of found as Offset[]) {
      const start = item.offset?.start;
      const length = item.offset?.length;
      const piece = start === undefined ? undefined : pieces.findLast((p) => p.at <= start);
      if (piece && start !== undefined && length !== undefined) matches.push({ start: piece.from + start - piece.at, end: piece.from + start - piece.at + length, type });
    }
  };
  collect(doc.people().json({ offset: true }), 'person');
  collect(doc.places().json({ offset: true }), 'place');
  collect(doc.organizations().json({ offset: true }), 'organization');
  return ranges.map(([start, end]) => {
    const from = (tokens[start] as Token).start;
    const to = (tokens[end - 1] as Token).end;
    return matches.find((m) => m.start < to && m.end > from)?.type ?? null;
  });
}

// The range with up to CONTEXT tokens either side, within its sentence.
function windowAround(tokens: readonly Token[], start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !(tokens[from] as Token).sentenceStart && !(tokens[from] as Token).lineStart) from -= 1;
  let to = end;
  while (to < tokens.length && to - end < CONTEXT && !(tokens[to] as Token).sentenceStart && !(tokens[to] as Token).lineStart) to += 1;
  return [from, to];
}
