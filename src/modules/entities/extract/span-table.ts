import type { Segment } from './analysis-text.js';
import type { Span } from './chunks.js';
import type { Token } from './tokenize.js';

/** The spans identified before chunking, at most one per token. */
export interface SpanTable {
  /** By first token. */
  readonly spans: ReadonlyMap<number, Span>;
  claim(span: Span): void;
  /** Whether no span covers any of tokens [start, end). */
  free(start: number, end: number): boolean;
}

export function createSpanTable(length: number): SpanTable {
  const spans = new Map<number, Span>();
  const covered = new Uint8Array(length);
  return {
    spans,
    claim(span) {
      spans.set(span.start, span);
      covered.fill(1, span.start, span.end);
    },
    free: (start, end) => covered.subarray(start, end).every((c) => c === 0),
  };
}

/** The tokens of a segment of the analysis text, as a range of indices. */
export function tokenRange(tokens: readonly Token[], segment: Segment): [number, number] {
  let from = 0;
  while (from < tokens.length && (tokens[from] as Token).start < segment.start) from += 1;
  let to = from;
  while (to < tokens.length && (tokens[to] as Token).end <= segment.end) to += 1;
  return [from, to];
}
