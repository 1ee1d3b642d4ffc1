import { acronymFits, isAcronym } from './acronyms.js';
import { absorb, addMention, bestType, newGroup, type Group } from './groups.js';
import { isCommonWord } from './lexicon.js';
import type { Mention } from './mention.js';
import { COMPANY_DESCRIPTORS, NAME_PARTICLES } from './name-rules.js';
import { nameKey } from './normalize.js';
import { spanText, type Token } from './tokenize.js';
import type { EntityType } from './types.js';

/**
 * Gathers mentions into entities: the same ref or the same wording is one entity; an acronym
 * is the body whose name it spells ("NTSB"); a person's surname alone ("Grigoryan") is that
 * person when only one person in the article has that surname.
 */
export function groupMentions(text: string, tokens: readonly Token[], mentions: readonly Mention[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const merge = (into: Group, from: Group) => {
    absorb(groups, into, from);
    for (const [key, group] of byKey) if (group === from) byKey.set(key, into);
  };
  for (const mention of mentions) {
    const wording = `name:${nameKey(spanText(text, tokens, mention.start, mention.end))}`;
    // "WHO" from the gazetteer is the "World Health Organization" the text spelled out.
    const fullWording = mention.canonical ? `name:${nameKey(mention.canonical)}` : wording;
    const found = byKey.get(mention.ref ?? '') ?? byKey.get(wording) ?? byKey.get(fullWording);
    const group = found && (!found.known || !mention.known || found.known === mention.known) ? found : newGroup();
    if (group !== found) groups.push(group);
    addMention(group, mention);
    const other = byKey.get(wording);
    if (other && other !== group && (!other.known || !group.known)) merge(group, other);
    if (mention.ref) byKey.set(mention.ref, group);
    byKey.set(wording, group);
    byKey.set(fullWording, group);
  }
  linkAcronyms(text, tokens, groups);
  linkShortForms(text, tokens, groups);
  return groups;
}

const formsOf = (text: string, tokens: readonly Token[], group: Group) => group.mentions.map((m) => spanText(text, tokens, m.start, m.end));

// "the Federal Aviation Administration ... The FAA said": an acronym used without being defined.
function linkAcronyms(text: string, tokens: readonly Token[], groups: Group[]): void {
  const longForms = groups.flatMap((group) => {
    const [type] = bestType(group);
    if (type !== 'organization' && type !== 'place') return [];
    return group.mentions.filter((m) => m.end - m.start > 1).map((m) => ({ group, type, words: tokens.slice(m.start, m.end).map((t) => t.text) }));
  });
  for (const group of [...groups]) {
    if (group.known || !group.mentions.every((m) => m.end - m.start === 1 && isAcronym(tokens[m.start]))) continue;
    const [acronym = ''] = formsOf(text, tokens, group);
    const initial = acronym.charAt(0).toLowerCase();
    const spelled = longForms.filter((form) => form.group !== group && form.words[0]?.charAt(0).toLowerCase() === initial && acronymFits(acronym, form.words));
    const expansions = new Map(spelled.map((form) => [form.group, form.type]));
    const [expansion] = expansions;
    if (expansion && expansions.size === 1) absorb(groups, expansion[0], group, expansion[1]);
  }
}

interface ShortForm {
  readonly from: number;
  readonly to: number;
  /** A leading part ("Xi" of "Xi Jinping"): taken only where the article uses it alone. */
  readonly leading: boolean;
}

// Shorter forms of a longer name: a person's surname and what follows the first name
// ("Grigoryan", "van Bommel"), or the family name first ("Mr. Xi" of "Xi Jinping"); a
// company without its descriptors ("Huawei" of "Huawei Technologies Co.").
function shortFormsOf(tokens: readonly Token[], m: Mention, type: EntityType): ShortForm[] {
  const forms: ShortForm[] = [];
  if (type === 'person') {
    for (let k = m.start + 1; k < m.end; k++) {
      const token = tokens[k] as Token;
      const startsHere = token.cap || (NAME_PARTICLES.has(token.key) && !NAME_PARTICLES.has((tokens[k - 1] as Token).key));
      if (startsHere && !(m.end - k === 1 && isCommonWord(token.key))) forms.push({ from: k, to: m.end, leading: false });
    }
    if (m.end - m.start === 2) forms.push({ from: m.start, to: m.start + 1, leading: true });
  } else if (type === 'organization') {
    let end = m.end;
    while (end > m.start + 1 && COMPANY_DESCRIPTORS.has((tokens[end - 1] as Token).key)) end -= 1;
    if (end < m.end && !(end - m.start === 1 && isCommonWord((tokens[m.start] as Token).key))) forms.push({ from: m.start, to: end, leading: false });
  }
  return forms;
}

interface Owner {
  readonly written: string;
  readonly type: EntityType;
  readonly leading: boolean;
  readonly groups: Set<Group>;
}

const firstStart = (group: Group) => Math.min(...group.mentions.map((m) => m.start));

function linkShortForms(text: string, tokens: readonly Token[], groups: Group[]): void {
  const owners = new Map<string, Owner>();
  for (const group of groups) {
    const [type] = bestType(group);
    if (!type) continue;
    for (const m of group.mentions) {
      for (const { from, to, leading } of shortFormsOf(tokens, m, type)) {
        const written = spanText(text, tokens, from, to);
        const key = nameKey(written);
        const owner = owners.get(key) ?? { written, type, leading, groups: new Set<Group>() };
        owner.groups.add(group);
        owners.set(key, owner);
      }
    }
  }
  // Groups that consist of one form only, by that form: the candidates to be a short form.
  const byOnlyForm = new Map<string, Group[]>();
  for (const group of groups) {
    const forms = new Set(formsOf(text, tokens, group).map(nameKey));
    const [only] = forms;
    if (forms.size === 1 && only !== undefined && !group.known) byOnlyForm.set(only, [...(byOnlyForm.get(only) ?? []), group]);
  }
  for (const [form, { written, type, leading, groups: found }] of owners) {
    // Shared by two people ("Ahmad Jamal", "Sumayah Jamal"): the one named first, the story's subject.
    const [owner] = [...found].sort((a, b) => firstStart(a) - firstStart(b));
    if (!owner) continue;
    let used = false;
    for (const group of byOnlyForm.get(form) ?? []) {
      if (group === owner || !groups.includes(group)) continue;
      // A company's short form must not swallow a place ("Alaska" of "Alaska Airlines"), nor a first name a place.
      const other = bestType(group)[0];
      if ((type === 'organization' || leading) && other !== null && other !== type) continue;
      absorb(groups, owner, group, type);
      used = true;
    }
    // A surname counts wherever it appears; other short forms only where the text uses them alone.
    if (used || (type === 'person' && !leading)) owner.shortForms.set(form, written);
  }
}
