import type { CommentContext, CommentUnderReview } from './rules.js';

/**
 * The comment text as the pattern rules read it: compatibility forms folded (fullwidth
 * "ｙｏｕ" → "you"), invisible format characters dropped (zero-width spaces and bidi controls
 * are used to slip words past filters), lowercase, one kind of apostrophe, single spaces.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

/** What every rule's check reads, folded once. */
export function prepareComment(body: string, context: CommentContext): CommentUnderReview {
  return { body, folded: foldForMatching(body), context };
}

/**
 * Key for "same reader, same text": equal for bodies that differ only in case, spacing,
 * punctuation, symbols or accents, so resubmitting with a changed full stop or an added
 * emoji is still a duplicate.
 */
export function duplicateKey(body: string): string {
  return foldForMatching(body)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
