import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  dir: string;
  databasePath: string;
  env: Record<string, string>;
  /** Runs `dateline <args>` in this process against the workspace's database. */
  run(args: string[], options?: { tty?: boolean; env?: Record<string, string> }): Promise<CliResult>;
}

/** A temp directory whose DATABASE_PATH the commands use; removed after the test. */
export function cliWorkspace(t: Teardown): CliWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const databasePath = join(dir, 'dateline.db');
  const env = { DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' };
  return {
    dir,
    databasePath,
    env,
    async run(args, options = {}) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
        env: { ...env, ...options.env },
      });
      return { code, stdout, stderr };
    },
  };
}
