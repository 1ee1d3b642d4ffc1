import type { Command } from 'commander';
import { toApiKey } from '../modules/keys/keys.service.js';
import { CreateApiKeyBody } from '../modules/keys/keys.schemas.js';
import { ROLES } from '../lib/vocabulary.js';
import { CliError, EXIT, withStore, writeJson, type CliIo } from './context.js';

const PAGE = 100;

export function registerKeysCommands(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('staff API keys');

  keys
    .command('create')
    .description('create a key; its secret is printed once, on stdout')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--name <name>', 'who or what uses the key, e.g. "desk"')
    .option('--json', 'print the key and its secret as JSON')
    .action(async (options: { role: string; name: string; json?: boolean }) => {
      const input = CreateApiKeyBody.safeParse({ name: options.name, role: options.role });
      if (!input.success) {
        const problems = input.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`);
        throw new CliError(problems.join('; '), EXIT.usage);
      }
      await withStore(io, ({ services }) => {
        const { row, secret } = services.keys.create(input.data.name, input.data.role);
        if (options.json) return writeJson(io.stdout, { ...toApiKey(row), secret });
        io.stderr.write(`created ${row.role} key "${row.name}" (id ${row.id}); the secret below is shown once\n`);
        io.stdout.write(`${secret}\n`);
      });
    });

  keys
    .command('list')
    .description('list keys, oldest first (never their secrets)')
    .option('--all', 'include revoked keys')
    .option('--json', 'print JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      await withStore(io, ({ services }) => {
        const rows = [];
        let cursor: string | undefined;
        do {
          const page = services.keys.list({ limit: PAGE, cursor, include_revoked: options.all === true });
          rows.push(...page.rows.map(toApiKey));
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        if (options.json) return writeJson(io.stdout, rows);
        for (const key of rows) {
          const state = key.revoked_at ? `revoked ${key.revoked_at}` : `last used ${key.last_used_at ?? 'never'}`;
          io.stdout.write(`${key.id}  ${key.role.padEnd(11)}  ${key.name}  (created ${key.created_at}, ${state})\n`);
        }
        if (rows.length === 0) io.stderr.write('no keys\n');
      });
    });

  keys
    .command('revoke')
    .description('revoke a key: it stops working at once')
    .argument('<id>', 'the key id (from "dateline keys list")')
    .action(async (id: string) => {
      await withStore(io, ({ services }) => {
        const row = services.keys.revoke(id);
        io.stdout.write(`revoked ${row.role} key "${row.name}" (id ${row.id})\n`);
      });
    });
}
