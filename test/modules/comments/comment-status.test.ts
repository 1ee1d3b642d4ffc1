import t from 'tap';
import { assertTransition, canTransition, COMMENT_TRANSITIONS, MODERATOR_DECISIONS } from '../../../src/modules/comments/comment-status.js';
import { Problem } from '../../../src/lib/problem.js';
import { COMMENT_STATUSES } from '../../../src/lib/vocabulary.js';

t.test('the transition table covers every status and never stays in place', async (t) => {
  t.same(Object.keys(COMMENT_TRANSITIONS).sort(), [...COMMENT_STATUSES].sort());
  for (const status of COMMENT_STATUSES) t.notOk(canTransition(status, status), `${status} → ${status} is not a move`);
  t.same(COMMENT_TRANSITIONS.deleted, [], 'deleted is final');
  t.ok(canTransition('approved', 'pending'), 'flags and held edits send a published comment back');
  t.ok(canTransition('rejected', 'approved'), 'a moderator may overturn the policy');
  t.notOk(canTransition('rejected', 'pending'));
});

t.test('an illegal move is a 409 problem naming both statuses', async (t) => {
  t.doesNotThrow(() => assertTransition('pending', 'approved'));
  const error = t.throws(() => assertTransition('deleted', 'approved')) as Problem;
  t.type(error, Problem);
  t.match(error, { status: 409, code: 'illegal-transition', detail: 'A comment that is deleted cannot become approved' });
});

t.test('every moderator decision leads to a status', async (t) => {
  t.same(MODERATOR_DECISIONS, { approve: 'approved', reject: 'rejected', spam: 'spam', delete: 'deleted' });
});
