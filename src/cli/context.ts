import { existsSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { createServices, type Services } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { migrationState } from '../db/migrate.js';

/** Where a command writes; tests pass their own. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

/** A failure to report in one line; `exitCode` 2 means the command was called wrongly. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Store {
  config: Config;
  database: DatabaseHandle;
  services: Services;
}

/**
 * Runs `work` on the configured database (DATABASE_PATH, as for the server) and closes it after.
 * Only `dateline migrate` creates or migrates a database: other commands refuse one that is
 * missing or behind, so that, say, a backup before an upgrade never migrates first.
 */
export async function withStore<T>(io: CliIo, work: (store: Store) => T | Promise<T>, options: { migrated?: boolean } = {}): Promise<T> {
  const config = loadConfig(io.env);
  if (!existsSync(config.databasePath)) {
    throw new CliError(`no database at ${config.databasePath} (set DATABASE_PATH, or create one with "dateline migrate")`);
  }
  const database = openDatabase(config.databasePath);
  try {
    const { pending } = migrationState(database.sqlite);
    if ((options.migrated ?? true) && pending > 0) {
      throw new CliError(`the database lacks ${pending} migration(s) of this version: run "dateline migrate" first`);
    }
    return await work({ config, database, services: createServices(database, config) });
  } finally {
    database.close();
  }
}

/** A progress bar on stderr when it is a terminal; nothing at all otherwise (logs, pipes, CI). */
export function progressBar(io: CliIo, label: string): SingleBar {
  return new SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
    },
    Presets.shades_classic,
  );
}

/** Machine-readable output (`--json`): one JSON document. */
export const writeJson = (out: Output, value: unknown) => out.write(`${JSON.stringify(value, null, 2)}\n`);
