import { checkDeathWish, checkPersonalAttack, checkThreat } from './attacks.js';
import { checkLinkSpam, checkUnvettedLink } from './links.js';
import { prepareComment } from './normalize.js';
import { checkProfanity } from './profanity.js';
import { checkRepetition } from './repetition.js';
import { DISCUSSION_POLICY_RULES, policyDecision, policyVerdict } from './rules.js';
import type { CommentContext, CommentRuleCode, PolicyDecision, PolicyVerdict, RuleCheck } from './rules.js';
import { checkShouting } from './shouting.js';

/** One check per comment-scoped rule in the table; a rule without one does not compile. */
const CHECKS = {
  threat: checkThreat,
  'death-wish': checkDeathWish,
  'personal-attack': checkPersonalAttack,
  profanity: checkProfanity,
  'link-spam': checkLinkSpam,
  'unvetted-link': checkUnvettedLink,
  shouting: checkShouting,
  repetition: checkRepetition,
} satisfies Record<CommentRuleCode, RuleCheck>;

const COMMENT_RULES = DISCUSSION_POLICY_RULES.filter(
  (rule): rule is Extract<(typeof DISCUSSION_POLICY_RULES)[number], { scope: 'comment' }> => rule.scope === 'comment',
);

export interface PolicyOutcome {
  decision: PolicyDecision;
  /** In the order of the rule table, one per broken rule. */
  verdicts: PolicyVerdict[];
}

/**
 * Applies every comment-scoped rule of the discussion policy to a comment body. Pure and
 * synchronous; duplicate and flood need the reader's history and are the service's to add.
 */
export function evaluateComment(body: string, context: CommentContext): PolicyOutcome {
  const comment = prepareComment(body, context);
  const verdicts: PolicyVerdict[] = [];
  for (const rule of COMMENT_RULES) {
    const detail = CHECKS[rule.code](comment);
    if (detail !== undefined) verdicts.push(policyVerdict(rule.code, detail));
  }
  return { decision: policyDecision(verdicts), verdicts };
}
