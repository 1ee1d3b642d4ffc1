import type { Group } from './groups.js';
import type { Mention } from './mention.js';
import { nameKey } from './normalize.js';
import { spanText, type Token } from './tokenize.js';
import type { EntityType, KnownEntity } from './types.js';

/** One entity of the article before its mentions are counted. */
export interface Draft {
  readonly type: EntityType;
  readonly name: string;
  readonly known?: KnownEntity;
  /** Other full forms: acronyms, other spellings, the gazetteer's name. */
  readonly aliases: string[];
  /** Trailing parts of a person's name ("Grigoryan") that stand for the person in this article. */
  readonly shortForms: readonly string[];
  readonly mentions: readonly Mention[];
}

const isShouted = (s: string) => s === s.toUpperCase() && /\p{L}{4}/u.test(s);
const wordCount = (s: string) => s.split(/\s+/).length;

/** Names a group after its fullest form (or its known name) and lists its other forms. */
export function toDraft(text: string, tokens: readonly Token[], group: Group, type: EntityType): Draft {
  const forms = new Map<string, string>();
  for (const m of group.mentions) {
    let written = m.display ?? spanText(text, tokens, m.start, m.end);
    const key = nameKey(written);
    if (isShouted(written) && group.canonical && nameKey(group.canonical) === key) written = group.canonical;
    const seen = forms.get(key);
    // Prefer "Moscow" to "MOSCOW" when the text has both.
    if (seen === undefined || (isShouted(seen) && !isShouted(written))) forms.set(key, written);
  }
  for (const form of group.shortForms.keys()) forms.delete(form);
  const full = [...forms.values()].sort((a, b) => wordCount(b) - wordCount(a) || b.length - a.length);
  const first = group.mentions[0];
  const name = group.known?.name ?? full[0] ?? (first ? spanText(text, tokens, first.start, first.end) : '');
  const taken = new Set([name, ...(group.known?.aliases ?? [])].map(nameKey));
  const aliases: string[] = [];
  for (const form of [...full, group.canonical ?? '']) {
    const key = nameKey(form);
    if (form && !taken.has(key)) aliases.push(form);
    taken.add(key);
  }
  return { type, name, known: group.known, aliases, shortForms: [...group.shortForms.values()], mentions: group.mentions };
}
