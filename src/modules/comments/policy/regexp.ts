/** `text` as a literal in a regular expression, with or without the `u` flag. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
