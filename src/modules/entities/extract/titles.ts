import { NON_ENTITY_HEADS, ORG_HEADS, PLACE_HEADS, TITLE_DOMAINS, TITLE_HEADS, TITLE_PREFIXES, singular } from './name-rules.js';
import { isFirstName, isRoleWord } from './lexicon.js';
import type { Token } from './tokenize.js';

const isHead = (key: string) => TITLE_HEADS.has(key) || isRoleWord(key) || (key.includes('-') && key.split('-').every((part) => TITLE_HEADS.has(part) || TITLE_PREFIXES.has(part) || part === 'elect' || part === 'designate'));

/**
 * End (exclusive) of the capitalized title that starts at `from` — "Prime Minister",
 * "Minister of Foreign Affairs", "NATO Secretary-General" from "Secretary-General" on, "Sir" —
 * or `from` itself when no title starts there.
 */
export function titleEnd(tokens: readonly Token[], from: number, to: number): number {
  let lastHead = -1;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as Token;
    if (!token.isWord || !token.cap || (i > from && token.lineStart)) break;
    if (isHead(token.key)) lastHead = i;
    else if (!TITLE_PREFIXES.has(token.key)) break;
  }
  if (lastHead < 0) return from;
  let end = lastHead + 1;
  // compromise's lexicon knows a thousand more roles than the list ("Analyst", "Singer"), but
  // one of those opens a title only before a full name: "Spirit AeroSystems" is a company.
  const head = tokens[lastHead] as Token;
  const next = tokens[end];
  if (!TITLE_HEADS.has(head.key) && !head.key.includes('-') && !(next && (isFirstName(next.key) || (next.cap && tokens[end + 1]?.cap)))) return from;
  const link = tokens[end];
  if (link && (link.key === 'of' || link.key === 'for')) {
    let i = end + 1;
    if (tokens[i]?.key === 'the') i += 1;
    const domainStart = i;
    while (i < to && tokens[i]?.cap && TITLE_DOMAINS.has((tokens[i] as Token).key)) i += 1;
    if (i > domainStart) end = i;
  }
  return end;
}

/** A capitalized word after a title that goes on a body or place name: "General Motors", "General Assembly". */
export function continuesName(token: Token | undefined): boolean {
  if (!token?.isWord || !token.cap) return false;
  return ORG_HEADS.has(singular(token.key)) || PLACE_HEADS.has(token.key) || NON_ENTITY_HEADS.has(token.key);
}
