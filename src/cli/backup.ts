import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { CliError, EXIT, progressBar, withStore, type CliIo } from './context.js';

// Pages copied per step. A write by another connection (the running server) between two steps
// makes SQLite restart the copy; after one restart the rest is copied in a single step, which
// reads one consistent snapshot (WAL mode: the server keeps writing meanwhile).
const STEPS = 50;
const ALL_AT_ONCE = 0x7fffffff;

/**
 * Makes the copy one self-contained file (rollback journal instead of WAL; the server turns WAL
 * back on when it opens a restored copy), then asks SQLite to verify it page by page.
 */
function finishCopy(file: string): string {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    copy.close();
  }
}

export function registerBackupCommand(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('copy the database to <file> while the server keeps running (SQLite online backup), then verify the copy')
    .argument('<file>', 'where to write the copy (its directory must exist)')
    .option('--force', 'overwrite <file> if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      if (existsSync(file) && !options.force) throw new CliError(`${file} exists; pass --force to overwrite it`, EXIT.usage);
      await withStore(
        io,
        async ({ config, database }) => {
          if (resolve(file) === resolve(config.databasePath)) throw new CliError('the backup must not overwrite the database itself', EXIT.usage);
          if (options.force) rmSync(file, { force: true });
          const bar = progressBar(io, 'backing up');
          let restarted = false;
          let lastRemaining = Infinity;
          try {
            const done = await database.sqlite.backup(file, {
              progress: ({ totalPages, remainingPages }) => {
                if (lastRemaining === Infinity) bar.start(totalPages, 0);
                restarted ||= remainingPages > lastRemaining;
                lastRemaining = remainingPages;
                bar.setTotal(totalPages);
                bar.update(totalPages - remainingPages);
                return restarted ? ALL_AT_ONCE : Math.max(16, Math.ceil(totalPages / STEPS));
              },
            });
            bar.update(done.totalPages);
          } catch (error) {
            rmSync(file, { force: true });
            throw new CliError(`backup failed: ${(error as Error).message}`);
          } finally {
            bar.stop();
          }
          const integrity = finishCopy(file);
          if (integrity !== 'ok') throw new CliError(`the copy in ${file} fails its integrity check: ${integrity}`);
          io.stdout.write(`backed up ${config.databasePath} to ${file} (${statSync(file).size} bytes, integrity ok)\n`);
        },
        { migrated: false },
      );
    });
}
