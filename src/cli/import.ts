import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Command } from 'commander';
import { Problem } from '../lib/problem.js';
import { importJsonArticle } from '../modules/articles/json-import.js';
import { importWireCopy, type ImportOptions } from '../modules/articles/wire-import.js';
import type { Services } from '../app.js';
import { CliError, EXIT, progressBar, withStore, type CliIo } from './context.js';

const IMPORTABLE = new Set(['.txt', '.json']);

interface Tally {
  created: number;
  skipped: number;
  failed: { item: string; reason: string }[];
}

/** The files to import, in a stable order: named files as given, directories walked for .txt and .json. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new CliError(`${path}: no such file or directory`, EXIT.usage);
    }
    if (!stat.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (readdirSync(path, { recursive: true }) as string[])
      .filter((name) => IMPORTABLE.has(extname(name).toLowerCase()))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => statSync(file).isFile());
    files.push(...found);
  }
  if (files.length === 0) throw new CliError('no .txt or .json files to import', EXIT.usage);
  return files;
}

/** Imports one item; a story that is already there (its slug is taken) is skipped, not failed. */
function importOne(tally: Tally, item: string, create: () => unknown): void {
  try {
    create();
    tally.created += 1;
  } catch (error) {
    if (error instanceof Problem && error.code === 'slug-taken') tally.skipped += 1;
    else tally.failed.push({ item, reason: error instanceof Problem ? (error.detail ?? error.title) : (error as Error).message });
  }
}

function importFile(services: Services, tally: Tally, file: string, options: ImportOptions): void {
  const extension = extname(file).toLowerCase();
  if (!IMPORTABLE.has(extension)) {
    tally.failed.push({ item: file, reason: 'not a .txt (wire copy) or .json file' });
    return;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    tally.failed.push({ item: file, reason: (error as Error).message });
    return;
  }
  if (extension === '.txt') {
    importOne(tally, file, () => importWireCopy(services.articles, text, options, null));
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    tally.failed.push({ item: file, reason: `not valid JSON: ${(error as Error).message}` });
    return;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  items.forEach((value, index) => {
    const item = Array.isArray(parsed) ? `${file}[${index}]` : file;
    importOne(tally, item, () => importJsonArticle(services.articles, value, options, null));
  });
}

export function registerImportCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('import')
    .description('import articles from wire copy (.txt) or JSON (.json: one article or an array) files and directories; stories already there are skipped')
    .argument('<paths...>', 'files or directories')
    .option('--publish', 'publish what is imported (default: drafts)')
    .option('--section <name>', 'section for articles that name none')
    .action(async (paths: string[], options: { publish?: boolean; section?: string }) => {
      const files = collectFiles(paths);
      const importOptions: ImportOptions = { publish: options.publish === true, section: options.section };
      const tally: Tally = { created: 0, skipped: 0, failed: [] };
      await withStore(io, async ({ services }) => {
        const bar = progressBar(io, 'importing');
        bar.start(files.length, 0);
        for (const file of files) {
          importFile(services, tally, file, importOptions);
          bar.increment();
          await nextTurn(); // lets the bar redraw
        }
        bar.stop();
      });
      for (const { item, reason } of tally.failed) io.stderr.write(`failed: ${item}: ${reason}\n`);
      io.stdout.write(`created ${tally.created}, skipped ${tally.skipped} (already there), failed ${tally.failed.length}\n`);
      if (tally.failed.length > 0) setExitCode(EXIT.failure);
    });
}
