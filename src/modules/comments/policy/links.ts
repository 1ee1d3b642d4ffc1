import type { CommentUnderReview } from './rules.js';

export const MAX_LINKS = 2;

/**
 * Top-level domains a bare "name.tld" counts as a link for. Ones that are also common
 * English words (in, it, me, to, us, at, be, no, is) are left out, so a missing space
 * after a full stop ("done.it was") is not a link; their http(s) and www forms still are.
 * Armenian (.am) and post-Soviet domains are in because this outlet's readers cite them.
 */
const BARE_DOMAIN_TLDS = [
  'com', 'net', 'org', 'info', 'biz', 'io', 'co', 'ly', 'gl', 'cc', 'tv', 'ws', 'pw', 'tk', 'ml', 'ga', 'cf', 'gq',
  'xyz', 'top', 'online', 'site', 'news', 'club', 'shop', 'store', 'app', 'dev', 'blog', 'link', 'live', 'pro', 'gov', 'edu',
  'am', 'ru', 'su', 'ua', 'by', 'kz', 'kg', 'tj', 'uz', 'ge', 'az', 'uk', 'de', 'fr', 'es', 'eu', 'ca', 'au', 'cn',
];

/**
 * http(s) URLs, anything starting "www.", and bare domains ("example.com/x"): the label
 * before the domain needs a letter and two characters, so "10.am" and "i.e." are not links.
 * Read in lowercase text; an address, an e-mail or a decimal are not links.
 */
const LINK = new RegExp(
  String.raw`(?<![a-z0-9@._-])(?:https?:\/\/\S+|www\.\S+|(?:[a-z0-9-]+\.)*(?=[a-z0-9-]*[a-z])[a-z0-9-]{2,}\.(?:${BARE_DOMAIN_TLDS.join('|')})(?![a-z0-9-])\S*)`,
  'g',
);

/** What every link contains; a quick test that spares most comments the full scan. */
const LINK_MARK = new RegExp(String.raw`:\/\/|www\.|\.(?:${BARE_DOMAIN_TLDS.join('|')})(?![a-z0-9-])`);

/** Every link in folded (lowercase) text. */
export function findLinks(folded: string): string[] {
  return LINK_MARK.test(folded) ? Array.from(folded.matchAll(LINK), (match) => match[0]) : [];
}

const describeLinks = (count: number) => (count === 1 ? '1 link' : `${count} links`);

export function checkLinkSpam({ folded }: CommentUnderReview): string | undefined {
  const count = findLinks(folded).length;
  return count > MAX_LINKS ? `contains ${describeLinks(count)}; at most ${MAX_LINKS} are allowed` : undefined;
}

export function checkUnvettedLink({ folded, context }: CommentUnderReview): string | undefined {
  if (context.readerHasApprovedHistory) return undefined;
  const count = findLinks(folded).length;
  return count > 0 ? `contains ${describeLinks(count)} and the reader has no approved comment yet` : undefined;
}
