import type { DatabaseHandle } from './client.js';

interface Queued {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupCommit = ReturnType<typeof createGroupCommit>;

/**
 * Group commit for small writes that arrive many at a time (readers' comments). Writes queued
 * while the event loop is busy run one after another in one IMMEDIATE transaction and are
 * answered after its single COMMIT, which is most of a small write's cost: each write's
 * BEGIN/COMMIT, and the index pages that consecutive writes share, are paid once per group.
 *
 * Each write must run inside `writeTransaction`: nested in the group's transaction it becomes a
 * savepoint, so a write that throws (a 409, a 429) is rolled back alone and the others commit.
 * Nothing is answered before the COMMIT; if the COMMIT fails, every write in the group fails.
 * One write alone waits only for the end of the current turn of the event loop.
 */
export function createGroupCommit(database: DatabaseHandle) {
  let queue: Queued[] = [];

  function flush(): void {
    const group = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = database.sqlite
        .transaction(() =>
          group.map(({ work }): Outcome => {
            // A failure that ended the group's transaction (a full disk) must not let the
            // writes after it commit on their own: they fail, and the COMMIT then fails them all.
            if (!database.sqlite.inTransaction) return { ok: false, error: new Error('the group transaction was aborted') };
            try {
              return { ok: true, value: work() };
            } catch (error) {
              return { ok: false, error };
            }
          }),
        )
        .immediate();
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }

  /** Runs `work` in the next group and resolves with its result once the group has committed. */
  function run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (queue.length === 1) setImmediate(flush);
    });
  }

  return { run };
}
