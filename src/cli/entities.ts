import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Command } from 'commander';
import { CliError, EXIT, progressBar, withStore, type CliIo } from './context.js';

export function registerEntitiesCommands(program: Command, io: CliIo): void {
  const group = program.command('entities').description('people, organizations and places');

  group
    .command('reextract')
    .description('re-run entity extraction over stored articles; safe to interrupt, and running it again resumes where it stopped')
    .option('--all', 'every article (the default)')
    .option('--since <date>', 'only articles updated at or after this date (ISO 8601)')
    .option('--restart', 'start from the first article even if an earlier run was interrupted')
    .action(async (options: { all?: boolean; since?: string; restart?: boolean }) => {
      if (options.all && options.since !== undefined) throw new CliError('--all and --since exclude each other', EXIT.usage);
      const since = options.since === undefined ? undefined : Date.parse(options.since);
      if (since !== undefined && !Number.isFinite(since)) throw new CliError(`--since: "${options.since}" is not a date`, EXIT.usage);
      await withStore(io, async ({ services }) => {
        const bar = progressBar(io, 're-extracting');
        let started = false;
        const summary = await services.reextraction.run({
          since,
          restart: options.restart === true,
          onProgress: async (done, total) => {
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
            await nextTurn(); // lets the bar redraw and a signal land between articles
          },
        });
        if (started) bar.stop();
        const resumed = summary.resumedAfter > 0 ? ` (resumed after article #${summary.resumedAfter})` : '';
        io.stdout.write(
          `re-extracted ${summary.articles} article(s)${resumed}: ` +
            `entities ${summary.entitiesBefore} → ${summary.entitiesAfter}, links ${summary.linksBefore} → ${summary.linksAfter}\n`,
        );
      });
    });
}
