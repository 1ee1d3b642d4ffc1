import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { applyMigrations, migrationState } from '../db/migrate.js';
import type { CliIo } from './context.js';

export function registerMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('create the database if needed and apply the migrations this version ships (the server does this at start too)')
    .action(() => {
      const config = loadConfig(io.env);
      const database = openDatabase(config.databasePath);
      try {
        const before = migrationState(database.sqlite);
        applyMigrations(database);
        const after = migrationState(database.sqlite);
        io.stdout.write(`${config.databasePath}: applied ${before.pending} migration(s); ${after.applied} applied in all, none pending\n`);
      } finally {
        database.close();
      }
    });
}
