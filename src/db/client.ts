import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { startCheckpointer } from './checkpointer.js';
import { createGeneration } from './generation.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
  db: Db;
  sqlite: Database.Database;
  /** Moves whenever the database may have changed (see generation.ts); null inside a transaction. */
  generation: () => number | null;
  close(): void;
}

/**
 * Opens the SQLite file with the pragmas Dateline relies on: WAL so readers never wait for
 * the writer, a busy timeout so concurrent writers queue instead of failing, foreign keys on,
 * synchronous=NORMAL, which in WAL mode loses no committed transaction on a process crash, and
 * temporary files (statement journals, sorts) in memory.
 * The server checkpoints the WAL in the background (see checkpointer.ts); short-lived callers
 * such as the CLI leave it to SQLite.
 */
export function openDatabase(path: string, options: { backgroundCheckpoints?: boolean } = {}): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Statement journals in memory. Each comment of a group commit is a savepoint, whose journal
  // (the pages it touches: a comment's seven indexes, its article's row) outgrew SQLite's 64 KiB
  // and spilled to a temporary file, created and deleted once per comment; 1M-article corpus:
  // 1,317 -> 1,495 posts/s.
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle({ client: withKeptStatements(sqlite), schema });
  const checkpointer = options.backgroundCheckpoints && path !== ':memory:' ? startCheckpointer(sqlite, path) : undefined;
  return {
    db,
    sqlite,
    generation: createGeneration(sqlite),
    close() {
      if (!sqlite.open) return;
      checkpointer?.stop();
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

// Compiled statements kept per connection: enough for every query shape the app runs.
const STATEMENTS_KEPT = 500;

/**
 * The connection as drizzle sees it: the same one, except that `prepare` keeps compiled
 * statements by their SQL text (values are bound, never in the text). Drizzle prepares a
 * statement for every query not prepared by hand, and compiling costs 30–400 µs, often more
 * than running it: an import ran ~60 such compilations. Least recently used out first.
 */
function withKeptStatements(sqlite: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const client = Object.create(sqlite) as Database.Database;
  client.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) kept.delete(source);
    else statement = sqlite.prepare(source);
    kept.set(source, statement);
    if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
    // drizzle switches a statement to raw rows when it maps columns itself, and never back.
    if (statement.reader) statement.raw(false);
    return statement;
  }) as Database.Database['prepare'];
  return client;
}

/**
 * Runs `work` in one IMMEDIATE transaction: it takes the write lock up front, so two
 * processes never deadlock upgrading a read, and everything in `work` commits or nothing
 * does. Drizzle calls made on `handle.db` inside it join the transaction (same connection).
 */
export function writeTransaction<T>(handle: DatabaseHandle, work: () => T): T {
  let run = immediateTransactions.get(handle.sqlite);
  if (!run) {
    run = handle.sqlite.transaction((each: () => unknown) => each()).immediate;
    immediateTransactions.set(handle.sqlite, run);
  }
  return run(work) as T;
}

// One transaction function per connection, given the work as its argument: better-sqlite3
// builds four wrapper functions and their properties on every transaction() call, ~3 % of a
// comment post's CPU. Inside another transaction it still runs as a savepoint.
const immediateTransactions = new WeakMap<Database.Database, (work: () => unknown) => unknown>();
