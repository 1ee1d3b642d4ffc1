/**
 * URL-safe slug from free text: lowercase words of any script joined by hyphens, at most
 * `max` characters. Latin diacritics are folded ("Zürich" → "zurich"); other scripts are
 * kept as they are, so a Russian or Armenian title still yields a readable slug.
 */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Matches what slugify produces: lowercase letters of any script, digits, single hyphens. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u;
