import fc from 'fast-check';
import t from 'tap';
import { buildTestApp } from '../helper.js';
import { contractViolation, operations, type Operation } from './contract.js';
import { describeRequest, requestArbitrary, toInject } from './fuzz-requests.js';
import { storeViolations } from './invariants.js';
import { seedNewsroom } from './seed.js';

// Runs per operation; FUZZ_RUNS multiplies them for longer local runs (FUZZ_RUNS=20 npm test …).
const RUNS_PER_OPERATION = Math.max(1, Math.round(60 * Number(process.env.FUZZ_RUNS ?? 1)));
const BODY_LIMIT = 64 * 1024;

t.setTimeout(30 * 60_000);

// Destructive operations go last, so earlier ones keep finding the seeded rows.
const destructive = (op: Operation) => op.method === 'DELETE' || op.operationId === 'mergeEntity';
const ordered = [...operations.filter((op) => !destructive(op)), ...operations.filter(destructive)];

t.test('every operation of the contract answers generated requests as documented', async (t) => {
  const ctx = await buildTestApp(t, {
    env: { BODY_LIMIT_BYTES: String(BODY_LIMIT), RATE_LIMIT_SYNDICATION_MAX: '1000000', COMMENTS_PER_MINUTE: '1000', LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0' },
  });
  const seeded = await seedNewsroom(ctx);
  let sent = 0;
  const started = Date.now();

  for (const operation of ordered) {
    const statuses = new Map<number, number>();
    const property = fc.asyncProperty(requestArbitrary(operation, seeded, BODY_LIMIT), async (request) => {
      sent += 1;
      const res = await ctx.inject(toInject(request));
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const violation = contractViolation(operation, res);
      if (violation) throw new Error(violation);
    });
    const outcome = await fc.check(property, { numRuns: RUNS_PER_OPERATION, endOnFailure: false });
    if (outcome.failed) {
      const shrunk = outcome.counterexample?.[0];
      t.fail(`${operation.operationId}: ${outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance)}`, {
        request: shrunk ? describeRequest(shrunk) : 'none',
        replay: `seed ${outcome.seed}, path "${outcome.counterexamplePath}"`,
      });
    } else {
      const seen = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
      t.pass(`${operation.operationId}: ${outcome.numRuns} requests (${seen.join(', ')})`);
    }
  }

  t.same(storeViolations(ctx.database.sqlite), [], 'the database is intact and its counters agree with its rows');
  t.comment(`fuzzed ${sent} requests (shrinking included) over ${operations.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
