import { endsLikeSentence, stripFurniture } from './wire-copy-furniture.js';

export interface WireCopy {
  title: string;
  standfirst: string | null;
  dateline: { place: string | null; source: string | null } | null;
  datelineDate: string | null;
  /** Markdown: paragraphs separated by one blank line, the dateline taken off the first. */
  body: string;
  byline: string[];
}

/** Text that cannot become an article; `field` names the article part at fault. */
export class WireCopyError extends Error {
  constructor(
    readonly field: 'title' | 'body',
    message: string,
  ) {
    super(message);
    this.name = 'WireCopyError';
  }
}

const TITLE_MAX = 300;
const STANDFIRST_MAX = 300;
// A byline sits in the few lines under the headline, never deeper in the story.
const BYLINE_WINDOW = 6;
// Longer than any real dateline; also bounds the work of the dateline pattern on huge input.
const DATELINE_SPAN = 200;
const PLACE_MAX = 60;

const hasText = (line: string) => /\S/.test(line);
const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Turns pasted wire copy into the parts of an article: the first line is the headline, then
 * an optional byline and standfirst, the dateline paragraph and the story; page furniture is
 * left out. Throws WireCopyError, and nothing else, for text that cannot be an article.
 */
export function parseWireCopy(text: string): WireCopy {
  const lines = toLines(text);
  const titleAt = lines.findIndex(hasText);
  const titleLine = lines[titleAt];
  if (titleLine === undefined) throw new WireCopyError('body', 'is empty');
  const title = collapse(titleLine);
  if (title.length > TITLE_MAX) {
    throw new WireCopyError('title', `must be at most ${TITLE_MAX} characters (the first line is taken as the headline)`);
  }
  if (!hasWords(title)) throw new WireCopyError('title', 'has no words (the first line is taken as the headline)');
  const opening = parseDateline(title);
  if (opening?.source || opening?.date) throw new WireCopyError('title', 'is missing: the text starts with the dateline paragraph');

  const { byline, rest } = takeByline(lines.slice(titleAt + 1));
  const head = splitHead(stripFurniture(toParagraphs(rest)));
  if (!head.body.some(hasWords)) throw new WireCopyError('body', 'has no story under the headline');
  return {
    title,
    standfirst: head.standfirst,
    dateline: head.dateline && { place: head.dateline.place, source: head.dateline.source },
    datelineDate: head.dateline?.date ?? null,
    body: head.body.join('\n\n'),
    byline,
  };
}

// Pasted text carries invisible characters (BOM, soft hyphens, zero-width and odd spaces) that
// would split words and defeat the patterns below; tabs stay until paragraphs are found.
function toLines(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u000b\u000c\u0085\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g, '')
    .replace(/[^\S\n\t]/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd());
}

const BYLINE = /^by\s+(.{2,140})$/iu;
// What follows the names: "| Reuters", "— AP", "for The Times", "in Moscow".
const BYLINE_TAIL = /\s*[|/]\s*|\s+[-–—]\s+|\s+(?:for|in|at)\s+/iu;
const NAME_SEPARATOR = /\s*[,;&]\s*(?:and\s+)?|\s+and\s+/iu;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|der|den|de|da|di|du|del|della|dos|das|bin|ibn|al|el|la|le|ter|ten)$/u;
const AFFILIATION = /\b(?:press|reuters|ap|afp|agence|agency|news|newswire|wire|writer|correspondent|reporter|editor|staff|bureau|service|desk|times|post|journal|tass|xinhua|bloomberg|contributor|columnist|media)\b/iu;

const capitalizedWords = (text: string, max: number) => {
  const words = text.split(' ');
  return /^\p{Lu}/u.test(text) && words.length <= max && words.every((word) => NAME_WORD.test(word));
};
const isAffiliation = (line: string) => capitalizedWords(collapse(line), 6) && AFFILIATION.test(line);

/** The authors a "By …" line names: [] when it names only an agency, null when it is no byline. */
function parseByline(line: string): string[] | null {
  const names = BYLINE.exec(collapse(line))?.[1]?.split(BYLINE_TAIL)[0]?.split(NAME_SEPARATOR);
  if (!names) return null;
  const authors: string[] = [];
  for (const name of names.filter(hasText)) {
    if (isAffiliation(name)) break;
    if (!capitalizedWords(name, 5) || !name.includes(' ')) return null;
    authors.push(/\p{Ll}/u.test(name) ? name : titleCase(name));
  }
  return authors;
}

/** Takes the byline out of the lines under the headline, with an agency line under it ("Associated Press"). */
function takeByline(lines: readonly string[]): { byline: string[]; rest: string[] } {
  let seen = 0;
  for (const [at, line] of lines.entries()) {
    if (!hasText(line)) continue;
    if (++seen > BYLINE_WINDOW) break;
    const byline = parseByline(line);
    if (byline) {
      const next = lines[at + 1];
      const end = next !== undefined && isAffiliation(next) ? at + 2 : at + 1;
      return { byline, rest: [...lines.slice(0, at), ...lines.slice(end)] };
    }
  }
  return { byline: [], rest: [...lines] };
}

const INDENT = /^(?:\t| {2})/;
const BULLET = /^[*•▪◦‣·]\s+(?=.*[\p{L}\p{N}])/u;
// A line that ends inside a hyphenated word or on an unspaced dash continues without a space.
const OPEN_JOIN = /\p{L}[-‐‑–—]$/u;

/**
 * Paragraphs are separated by blank lines; text without any blank line is split at indented
 * lines, and text without either has one paragraph a line. Lines within a paragraph are
 * re-joined, except bullet lines, which become a Markdown list.
 */
function toParagraphs(lines: readonly string[]): string[] {
  const first = lines.findIndex(hasText);
  const last = lines.findLastIndex(hasText);
  const text = lines.slice(first, last + 1);
  const blankSeparated = text.some((line) => !hasText(line));
  const indented = !blankSeparated && text.slice(1).some((line) => INDENT.test(line));
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of text) {
    const startsParagraph = blankSeparated ? block.length === 0 : !indented || INDENT.test(line);
    if (!hasText(line) || startsParagraph) {
      if (block.length > 0) blocks.push(block);
      block = [];
    }
    if (hasText(line)) block.push(line.trim());
  }
  if (block.length > 0) blocks.push(block);
  return blocks.map(joinLines);
}

function joinLines(lines: readonly string[]): string {
  const items: string[] = [];
  let item = '';
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    if (bullet || item === '') {
      if (item !== '') items.push(item);
      item = bullet ? `- ${line.slice(bullet[0].length)}` : line;
    } else {
      item = OPEN_JOIN.test(item) ? item + line : `${item} ${line}`;
    }
  }
  items.push(item);
  return items.map(collapse).join('\n');
}

interface Head {
  standfirst: string | null;
  dateline: Dateline | null;
  body: string[];
}

/**
 * The dateline opens the story: in the first paragraph, or in the second under a standfirst
 * or a bullet summary (which stays at the top of the body). Without a dateline, a short first
 * paragraph is the standfirst only when it does not end like a sentence, as standfirsts often
 * do not: mistaking a lede for a standfirst would take it out of the body.
 */
function splitHead(paragraphs: readonly string[]): Head {
  const [first, second, ...rest] = paragraphs;
  if (first === undefined) return { standfirst: null, dateline: null, body: [] };
  const opening = parseDateline(first);
  if (opening) return { standfirst: null, dateline: opening, body: [opening.rest, second ?? '', ...rest].filter(hasText) };
  if (second === undefined) return { standfirst: null, dateline: null, body: [first] };
  const summary = first.includes('\n');
  const standfirst = !summary && first.length <= STANDFIRST_MAX ? first : null;
  const dateline = parseDateline(second);
  if (dateline && (summary || standfirst)) {
    return { standfirst, dateline, body: [...(summary ? [first] : []), dateline.rest, ...rest].filter(hasText) };
  }
  if (standfirst && !endsLikeSentence(standfirst)) return { standfirst, dateline: null, body: [second, ...rest] };
  return { standfirst: null, dateline: null, body: [...paragraphs] };
}

interface Dateline {
  place: string;
  source: string | null;
  date: string | null;
  /** The first paragraph of the story, without its dateline. */
  rest: string;
}

const MONTHS = 'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec'
  .split(' ')
  .flatMap((month) => [month, month.toUpperCase()])
  .join('|');
const DATE = `(?:(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2} (?:${MONTHS})\\.?)(?:,? \\d{4})?`;
const PLACE_WORD = `\\p{Lu}[\\p{Lu}\\p{M}]*(?:['’.-]\\p{Lu}[\\p{Lu}\\p{M}]*)*\\.?`;
const REGION_WORD = `\\p{Lu}[\\p{L}\\p{M}'’.-]*`;
const DATELINE = new RegExp(
  `^(?<place>${PLACE_WORD}(?: ${PLACE_WORD}){0,4})` +
    `(?:, (?<region>${REGION_WORD}(?: ${REGION_WORD}){0,2}))?` +
    `(?:, (?<date>${DATE}))?` +
    ` ?(?:\\((?<source>[^()]{1,60})\\)|/(?<wire>[^/]{1,60})/)?` +
    `(?<before>\\s*)(?<dash>--|[-‐‑‒–—―:])(?<after>\\s*)`,
  'u',
);
// Kicker labels in capitals look like a place: "BREAKING — …", "UPDATE: …".
const LABEL = /\b(?:BREAKING|UPDATED?|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|CORRECT(?:ION|ED)|WATCH|LIVE|URGENT|FLASH|NOTE|ADVISORY|BULLETIN|FACTBOX|EXPLAINER|INSIGHT|REVIEW|COMMENTARY|OBITUARY|PHOTOS?|VIDEO)\b/u;

/**
 * `PLACE[, Region][, Date][ (SOURCE) | /SOURCE/] —` at the start of a paragraph, the place in
 * capitals. Without a source or a date it is ambiguous with text in capitals, so a bare
 * dateline needs a place with a word of three letters ("US — China trade…" is none), a dash
 * that is no colon and no hyphen inside a compound ("COVID-19", "NATO-led"), and a paragraph
 * that goes on in lower case.
 */
function parseDateline(paragraph: string): Dateline | null {
  const match = DATELINE.exec(paragraph.slice(0, DATELINE_SPAN));
  const groups = match?.groups;
  if (!match || !groups?.place) return null;
  const rest = paragraph.slice(match[0].length);
  const source = (groups.source ?? groups.wire)?.trim() || null;
  const date = groups.date ?? null;
  const attributed = source !== null || date !== null;
  const compound = groups.dash === '-' && !groups.before && !groups.after;
  if (LABEL.test(groups.place)) return null;
  if (!attributed && (groups.dash === ':' || compound || !/\p{L}{3}/u.test(groups.place) || !/\p{Ll}/u.test(rest))) return null;
  const region = groups.region && (/\p{Ll}/u.test(groups.region) ? groups.region : titleCase(groups.region));
  const place = region ? `${titleCase(groups.place)}, ${region}` : titleCase(groups.place);
  return place.length <= PLACE_MAX ? { place, source, date, rest } : null;
}

// Lower-case inside a name written in capitals: "Rio de Janeiro", "Port-au-Prince", "Jane van Dyke".
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'des', 'la', 'le', 'les', 'el', 'es', 'en', 'am', 'an', 'au', 'aux', 'der', 'den', 'von', 'van', 'sur', 'upon', 'on', 'of', 'the', 'and']);

/** "RIO DE JANEIRO" → "Rio de Janeiro", "N'DJAMENA" → "N'Djamena", "ST. JOHN'S" → "St. John's". */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/[\p{L}\p{M}]+/gu, (word: string, at: number, whole: string) => {
    const before = whole.slice(Math.max(0, at - 3), at);
    const lower = /['’]$/.test(before)
      ? !/(?:^|[^\p{L}])\p{L}['’]$/u.test(before)
      : at > 0 && PARTICLES.has(word);
    return lower ? word : word.charAt(0).toUpperCase() + word.slice(1);
  });
}
