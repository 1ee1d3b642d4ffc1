import type { Command } from 'commander';
import { withStore, writeJson, type CliIo } from './context.js';

const MB = 1024 * 1024;

export function registerStatsCommand(program: Command, io: CliIo): void {
  program
    .command('stats')
    .description('what the database holds and how big it is (the same figures as /metrics)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(
        io,
        ({ services }) => {
          const stats = services.stats.snapshot();
          const counts = Object.fromEntries(
            stats.counts.map(({ source, values }) => [
              source.name,
              source.label ? Object.fromEntries(values.map((v) => [v.label, v.value])) : (values[0]?.value ?? 0),
            ]),
          );
          if (options.json) return writeJson(io.stdout, { database: stats.database, migrations: stats.migrations, counts });
          const { database, migrations } = stats;
          const width = Math.max('migrations'.length, ...Object.keys(counts).map((name) => name.length)) + 2;
          io.stdout.write(`${'database'.padEnd(width)}${database.path}: ${(database.size_bytes / MB).toFixed(1)} MB (+ ${(database.wal_bytes / MB).toFixed(1)} MB write-ahead log)\n`);
          io.stdout.write(`${'migrations'.padEnd(width)}${migrations.applied} applied, ${migrations.pending} pending\n`);
          for (const [name, value] of Object.entries(counts)) {
            const shown = typeof value === 'number' ? String(value) : Object.entries(value).map(([label, n]) => `${label} ${n}`).join(', ') || '0';
            io.stdout.write(`${name.padEnd(width)}${shown}\n`);
          }
        },
        { migrated: false },
      );
    });
}
