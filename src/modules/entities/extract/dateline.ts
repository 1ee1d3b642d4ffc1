import type { AnalysisText, Segment } from './analysis-text.js';
import type { Span } from './chunks.js';
import type { Mention } from './mention.js';
import { displayCase } from './normalize.js';
import { tokenRange } from './span-table.js';
import type { Token } from './tokenize.js';

const isSeparator = (token: Token) => ['/', ',', ';'].includes(token.text) || token.key === 'and';

/**
 * A dateline names the places a story is filed from and the agencies that filed it:
 * "SHENZHEN, China (Reuters/AP)" is two places and two organizations, whatever their words.
 */
export function datelineMentions(analysis: AnalysisText, tokens: readonly Token[], spans: ReadonlyMap<number, Span>): Mention[] {
  const mentions: Mention[] = [];
  const parts: Array<[Segment | undefined, 'place' | 'organization']> = [
    [analysis.datelinePlace, 'place'],
    [analysis.datelineSource, 'organization'],
  ];
  for (const [segment, type] of parts) {
    if (!segment) continue;
    const [from, to] = tokenRange(tokens, segment);
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i < to && !isSeparator(tokens[i] as Token)) continue;
      if (i > start) mentions.push(datelineMention(analysis.text, tokens, spans, start, i, type));
      start = i + 1;
    }
  }
  return mentions;
}

function datelineMention(text: string, tokens: readonly Token[], spans: ReadonlyMap<number, Span>, start: number, end: number, type: 'place' | 'organization'): Mention {
  const span = spans.get(start);
  const surface = text.slice((tokens[start] as Token).start, (tokens[end - 1] as Token).end);
  const display = type === 'place' ? displayCase(surface) : surface;
  if (span?.kind !== 'entity' || span.end !== end) return { start, end, type, weight: 3, display };
  // "Springfield, Ill.": an abbreviated state is written out.
  const { canonical } = span.mention;
  return { ...span.mention, display: canonical && surface.endsWith('.') ? canonical : display };
}
