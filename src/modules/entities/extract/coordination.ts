import type { Mention } from './mention.js';
import type { Token } from './tokenize.js';
import type { EntityType } from './types.js';

const SEPARATORS = new Set([',', 'and', 'or', '&']);
const CONJUNCTIONS = new Set(['and', 'or', '&']);
// What membership of a list is worth: enough to keep a name, less than any direct clue.
const LIST_WEIGHT = 1.5;

/**
 * "Khartoum, Omdurman and Bahri", "AJ Tracey and Dave Omoregie": names the patterns could not
 * type take the type that the typed names of the same list agree on. A pair joined only by a
 * comma is not a list ("Macron, France's president").
 */
export function shareListTypes(tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1;
    let conjoined = false;
    for (; end < sorted.length; end++) {
      const next = sorted[end] as Mention;
      const between = tokens.slice((sorted[end - 1] as Mention).end, next.start);
      if (between.length === 0 || between.length > 2 || (tokens[next.start] as Token).lineStart) break;
      if (!between.every((t) => SEPARATORS.has(t.key) && !t.lineStart)) break;
      conjoined ||= between.some((t) => CONJUNCTIONS.has(t.key));
    }
    const list = sorted.slice(i, end);
    const type = list.length >= 3 || (list.length === 2 && conjoined) ? agreedType(list) : null;
    out.push(...(type ? list.map((m) => (m.type === null || m.weight < 1 ? { ...m, type, weight: LIST_WEIGHT } : m)) : list));
    i = end;
  }
  return out;
}

function agreedType(list: readonly Mention[]): EntityType | null {
  const types = new Set(list.filter((m) => m.type !== null && m.weight >= 2).map((m) => m.type));
  const [type] = types;
  return types.size === 1 && type ? type : null;
}
