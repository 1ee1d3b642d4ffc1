import t from 'tap';
import {
  DISCUSSION_POLICY_RULES,
  policyDecision,
  policyVerdict,
} from '../../../../src/modules/comments/policy/rules.js';

t.test('the published table names each rule once, with an action and a description', async (t) => {
  const codes = DISCUSSION_POLICY_RULES.map((rule) => rule.code);
  t.equal(new Set(codes).size, codes.length, 'codes are unique');
  for (const rule of DISCUSSION_POLICY_RULES) {
    t.match(rule.code, /^[a-z]+(?:-[a-z]+)*$/, `${rule.code} is a stable kebab-case code`);
    t.ok(['reject', 'hold'].includes(rule.action), `${rule.code} has an action`);
    t.ok(['comment', 'reader'].includes(rule.scope), `${rule.code} has a scope`);
    t.ok(rule.description.length > 10, `${rule.code} is described`);
  }
});

t.test('duplicate and flood are published as the service’s to enforce', async (t) => {
  const readerRules = DISCUSSION_POLICY_RULES.filter((rule) => rule.scope === 'reader').map((rule) => rule.code);
  t.same(readerRules.sort(), ['duplicate', 'flood']);
});

t.test('the newsroom’s choices of action', async (t) => {
  const actions = Object.fromEntries(DISCUSSION_POLICY_RULES.map((rule) => [rule.code, rule.action]));
  t.same(actions, {
    threat: 'reject',
    'death-wish': 'reject',
    'personal-attack': 'hold',
    profanity: 'hold',
    'link-spam': 'hold',
    'unvetted-link': 'hold',
    shouting: 'hold',
    repetition: 'hold',
    duplicate: 'reject',
    flood: 'reject',
  });
  t.match(DISCUSSION_POLICY_RULES.find((rule) => rule.code === 'link-spam')?.description, /More than 2 links/);
});

t.test('a verdict carries the action of its rule', async (t) => {
  t.same(policyVerdict('duplicate', 'posted 2 minutes ago'), {
    code: 'duplicate',
    action: 'reject',
    detail: 'posted 2 minutes ago',
  });
  t.equal(policyVerdict('shouting', 'x').action, 'hold');
});

t.test('reject beats hold beats approve', async (t) => {
  const hold = policyVerdict('shouting', 'x');
  const reject = policyVerdict('threat', 'y');
  t.equal(policyDecision([]), 'approve');
  t.equal(policyDecision([hold]), 'hold');
  t.equal(policyDecision([hold, reject, hold]), 'reject');
  t.equal(policyDecision([reject]), 'reject');
});
