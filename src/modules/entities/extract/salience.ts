import type { Segment } from './analysis-text.js';

// A headline mention matters most; then how often and how early the article names it.
const WEIGHTS = { title: 0.3, standfirst: 0.15, early: 0.25, frequent: 0.3 } as const;

/**
 * Salience from 0 to 1 of an entity mentioned at `offsets` in a text of `length` characters,
 * where the most mentioned entity of the article has `mostMentions`.
 */
export function salience(offsets: readonly number[], segments: readonly Segment[], length: number, mostMentions: number): number {
  if (offsets.length === 0 || length === 0) return 0;
  const inside = (kind: Segment['kind']) => segments.some((s) => s.kind === kind && offsets.some((o) => o >= s.start && o < s.end));
  const first = Math.min(...offsets);
  const score =
    (inside('title') ? WEIGHTS.title : 0) +
    (inside('standfirst') ? WEIGHTS.standfirst : 0) +
    WEIGHTS.early * (1 - first / length) +
    WEIGHTS.frequent * Math.min(1, offsets.length / Math.max(1, mostMentions));
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
