import type { ArticleText } from './types.js';

export type SegmentKind = 'title' | 'standfirst' | 'dateline' | 'body';

export interface Segment {
  readonly kind: SegmentKind;
  /** Character range in the analysis text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface AnalysisText {
  readonly text: string;
  readonly segments: readonly Segment[];
  /** Within the dateline segment: where the place and the source are. */
  readonly datelinePlace?: Segment;
  readonly datelineSource?: Segment;
}

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The one text that entity offsets point into: title, standfirst, dateline and body in that
 * order, separated by blank lines, empty parts left out. The dateline reads "Brussels (Reuters)".
 */
export function buildAnalysisText(article: ArticleText): AnalysisText {
  const segments: Segment[] = [];
  let text = '';
  let datelinePlace: Segment | undefined;
  let datelineSource: Segment | undefined;
  const append = (kind: SegmentKind, part: string) => {
    if (part.trim() === '') return undefined;
    if (text !== '') text += '\n\n';
    const segment = { kind, start: text.length, end: text.length + part.length };
    text += part;
    segments.push(segment);
    return segment;
  };
  append('title', clean(article.title));
  append('standfirst', clean(article.standfirst));
  const place = clean(article.dateline?.place);
  const source = clean(article.dateline?.source);
  const dateline = append('dateline', place && source ? `${place} (${source})` : place || source);
  if (dateline && place) datelinePlace = { kind: 'dateline', start: dateline.start, end: dateline.start + place.length };
  if (dateline && source) datelineSource = { kind: 'dateline', start: dateline.end - source.length - (place ? 1 : 0), end: dateline.end - (place ? 1 : 0) };
  append('body', article.body.trim());
  return { text, segments, datelinePlace, datelineSource };
}
