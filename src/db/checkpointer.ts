import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Moves WAL checkpoints off the request path. SQLite copies the WAL back into the database
 * file (and syncs it) inside whichever commit crosses the auto-checkpoint threshold, so one
 * write in every few dozen paid for everyone's: ~2.5 ms of a ~20 ms import on average. Here a
 * worker thread with its own connection checkpoints every few milliseconds, on the second core.
 *
 * The request connection keeps a far higher threshold of its own, so the WAL stays bounded if
 * the worker ever falls behind, and gets SQLite's default back if the worker fails.
 */
export interface Checkpointer {
  /** Stops the worker and waits (briefly, synchronously) until its connection is closed. */
  stop(): void;
}

const INTERVAL_MS = 20;
// Pages (~4 KiB each) the WAL may reach before the request connection checkpoints itself.
const FALLBACK_THRESHOLD_PAGES = 16_000;
const SQLITE_DEFAULT_THRESHOLD_PAGES = 1_000;
const STOP_WAIT_MS = 5_000;

// Plain JavaScript run with `eval`: a worker cannot load a TypeScript file when the app runs
// from source, and this keeps the one copy of the loop next to the code that starts it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => checkpoint.run(), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  Atomics.store(workerData.stopped, 0, 1);
  Atomics.notify(workerData.stopped, 0);
  parentPort.close();
});
`;

export function startCheckpointer(sqlite: Database.Database, path: string): Checkpointer {
  const stopped = new Int32Array(new SharedArrayBuffer(4));
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, intervalMs: INTERVAL_MS, stopped },
    resourceLimits: { maxOldGenerationSizeMb: 16 },
  });
  worker.unref();
  let running = true;
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_THRESHOLD_PAGES}`);
  worker.on('error', () => {
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_THRESHOLD_PAGES}`);
  });
  return {
    stop() {
      if (!running) return;
      running = false;
      worker.postMessage('stop');
      // The caller checkpoints and truncates the WAL next, which needs this connection closed.
      Atomics.wait(stopped, 0, 0, STOP_WAIT_MS);
    },
  };
}
