/**
 * The discussion policy as data: what `GET /v1/discussion-policy` publishes and what every
 * verdict cites. Adding a rule is one entry here plus one check in evaluate.ts; the types
 * below make a missing check a compile error.
 *
 * How actions are chosen: `reject` where the text has no legitimate reading in a news
 * discussion once the patterns' guards are applied (threats, telling someone to die,
 * resubmitting the same text, flooding), so nobody has to read it and the poster learns why
 * at once. `hold` where a word list or a heuristic can misfire on quotes, names or other
 * languages, so a moderator decides and nothing unreviewed is published.
 */

import { MAX_LINKS } from './links.js';

export type PolicyAction = 'reject' | 'hold';

/**
 * `comment`: judged from one comment and what the caller says about its reader
 * (evaluateComment). `reader`: needs the reader's recent comments, so the comments service
 * enforces it; it is listed here so this table stays the one published source.
 */
export type PolicyScope = 'comment' | 'reader';

export interface PolicyRule {
  code: string;
  description: string;
  action: PolicyAction;
  scope: PolicyScope;
}

export const DISCUSSION_POLICY_RULES = [
  {
    code: 'threat',
    description: 'Threats of violence or intimidation against a person ("I will find you", "I know where you live")',
    action: 'reject',
    scope: 'comment',
  },
  {
    code: 'death-wish',
    description: 'Telling someone to kill themselves or wishing them dead ("kill yourself", "kys", "go die")',
    action: 'reject',
    scope: 'comment',
  },
  {
    code: 'personal-attack',
    description:
      'Insults and harassment aimed at another reader or the person addressed ("you are an idiot", "shut up, loser", "nobody wants you here"); criticism of ideas and of public figures is welcome',
    action: 'hold',
    scope: 'comment',
  },
  {
    code: 'profanity',
    description: 'Profanity and slurs, including disguised spellings ("f.u.c.k", "sh1t")',
    action: 'hold',
    scope: 'comment',
  },
  {
    code: 'link-spam',
    description: `More than ${MAX_LINKS} links in one comment`,
    action: 'hold',
    scope: 'comment',
  },
  {
    code: 'unvetted-link',
    description: 'Any link from a reader who has no approved comment yet',
    action: 'hold',
    scope: 'comment',
  },
  {
    code: 'shouting',
    description: 'Comments written mostly in capital letters',
    action: 'hold',
    scope: 'comment',
  },
  {
    code: 'repetition',
    description: 'Long runs of one character ("!!!!!!!!", "soooooo") or one word repeated over and over',
    action: 'hold',
    scope: 'comment',
  },
  {
    code: 'duplicate',
    description: 'The same text posted again by the same reader',
    action: 'reject',
    scope: 'reader',
  },
  {
    code: 'flood',
    description: 'Too many comments from one reader in a short time',
    action: 'reject',
    scope: 'reader',
  },
] as const satisfies readonly PolicyRule[];

export type PolicyRuleCode = (typeof DISCUSSION_POLICY_RULES)[number]['code'];
export type CommentRuleCode = Extract<(typeof DISCUSSION_POLICY_RULES)[number], { scope: 'comment' }>['code'];

export interface PolicyVerdict {
  code: PolicyRuleCode;
  action: PolicyAction;
  /** Plain text for the poster and the moderator, e.g. `matched "f.u.c.k"`. */
  detail: string;
}

/** What the comments service knows about the reader when the comment arrives. */
export interface CommentContext {
  readerHasApprovedHistory: boolean;
}

/** What a rule's check reads: the body as posted, the same text folded for matching, the reader's context. */
export interface CommentUnderReview {
  body: string;
  folded: string;
  context: CommentContext;
}

/** The detail of the verdict when the comment breaks the rule, otherwise undefined. */
export type RuleCheck = (comment: CommentUnderReview) => string | undefined;

export type PolicyDecision = 'approve' | PolicyAction;

const ACTION_BY_CODE = Object.fromEntries(DISCUSSION_POLICY_RULES.map((rule) => [rule.code, rule.action])) as Record<
  PolicyRuleCode,
  PolicyAction
>;

/** A verdict for `code` carrying the action the table gives it (the service builds duplicate and flood verdicts with it). */
export function policyVerdict(code: PolicyRuleCode, detail: string): PolicyVerdict {
  return { code, action: ACTION_BY_CODE[code], detail };
}

/** Reject beats hold beats approve. */
export function policyDecision(verdicts: readonly PolicyVerdict[]): PolicyDecision {
  if (verdicts.some((verdict) => verdict.action === 'reject')) return 'reject';
  return verdicts.length > 0 ? 'hold' : 'approve';
}
