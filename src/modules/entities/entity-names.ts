/**
 * The folded form of an entity name or alias, used for alias uniqueness, prefix search and
 * ordering by name. Only case, Unicode form, typographic quotes, dashes and spacing are
 * folded: "Nagorno–Karabakh" and "nagorno-karabakh" share a key, "US" and "U.S." do not.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
