import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { Problem } from '../lib/problem.js';
import { VERSION } from '../lib/version.js';
import { registerBackupCommand } from './backup.js';
import { registerEntitiesCommands } from './entities.js';
import { CliError, EXIT, type CliIo } from './context.js';
import { registerImportCommand } from './import.js';
import { registerKeysCommands } from './keys.js';
import { registerMigrateCommand } from './migrate.js';
import { registerStatsCommand } from './stats.js';

/** Adds one group of commands; a feature brings its own by joining COMMANDS. */
export type RegisterCommands = (program: Command, io: CliIo, setExitCode: (code: number) => void) => void;

const COMMANDS: RegisterCommands[] = [
  registerMigrateCommand,
  registerKeysCommands,
  registerImportCommand,
  registerEntitiesCommands,
  registerBackupCommand,
  registerStatsCommand,
];

// Commander's own outcomes that are not errors.
const INFORMATIONAL = new Set(['commander.helpDisplayed', 'commander.version']);

/** What to tell the operator about a failed command, and the exit code that goes with it. */
function failure(error: unknown): [string, number] {
  if (error instanceof ConfigError) return [error.message, EXIT.config];
  if (error instanceof CliError) return [error.message, error.exitCode];
  if (error instanceof Problem) return [error.detail ?? error.title, EXIT.failure];
  return [`unexpected error: ${(error as Error).stack ?? String(error)}`, EXIT.failure];
}

/** Runs one `dateline …` invocation and resolves to its exit code; it never exits the process itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('dateline')
    .description('Operate Dateline: database, API keys, imports, entities, backups. Configured by the same environment as the server.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showSuggestionAfterError()
    .showHelpAfterError('(run "dateline help" for the commands)');
  for (const register of COMMANDS) register(program, io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return INFORMATIONAL.has(error.code) ? EXIT.ok : EXIT.usage;
    const [message, code] = failure(error);
    io.stderr.write(`dateline: ${message}\n`);
    return code;
  }
}
