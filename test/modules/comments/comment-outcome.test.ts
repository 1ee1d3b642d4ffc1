import t from 'tap';
import { posterMessage, statusAfterPolicy, withheldReason } from '../../../src/modules/comments/comment-outcome.js';
import { policyVerdict } from '../../../src/modules/comments/policy/rules.js';

t.test('the policy decision and the article mode give the status', async (t) => {
  t.equal(statusAfterPolicy('approve', 'open'), 'approved');
  t.equal(statusAfterPolicy('hold', 'open'), 'pending');
  t.equal(statusAfterPolicy('reject', 'open'), 'rejected');
  t.equal(statusAfterPolicy('approve', 'premoderated'), 'pending', 'premoderated: everything waits');
  t.equal(statusAfterPolicy('reject', 'premoderated'), 'rejected');
  t.equal(statusAfterPolicy('approve', 'open', 'approved'), 'approved', 'a clean edit stays published');
  t.equal(statusAfterPolicy('approve', 'open', 'pending'), 'pending', 'a clean edit does not skip the queue');
  t.equal(statusAfterPolicy('approve', 'premoderated', 'approved'), 'pending', 'edits on premoderated articles are reviewed');
  t.equal(statusAfterPolicy('hold', 'open', 'approved'), 'pending');
});

t.test('the poster is told what happened and which rules were broken', async (t) => {
  const profanity = policyVerdict('profanity', 'matched "sh1t"');
  const threat = policyVerdict('threat', 'matched "i will find you"');
  t.equal(posterMessage('approved', [], 'open'), 'Your comment is published.');
  t.equal(
    posterMessage('pending', [profanity], 'open'),
    'Your comment will appear once a moderator has approved it: it may break the discussion policy (profanity: matched "sh1t").',
  );
  t.match(posterMessage('pending', [], 'premoderated'), /every comment on this article is reviewed first/);
  t.equal(posterMessage('pending', [], 'open'), 'Your comment will appear once a moderator has approved it.');
  t.equal(
    posterMessage('rejected', [threat, profanity], 'open'),
    'Your comment was not published because it breaks the discussion policy (threat: matched "i will find you"; profanity: matched "sh1t").',
  );
  t.equal(withheldReason('pending', []), 'Every comment on this article is reviewed before it is published');
  t.equal(withheldReason('rejected', [threat]), 'The discussion policy rejected it (threat: matched "i will find you")');
});
