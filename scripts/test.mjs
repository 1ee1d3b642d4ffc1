// Runs the whole tap suite and ends with one plain line, "N passed, N failed", that CI logs
// can count. Output is tap's TAP stream minus the passing assertions inside each file: one
// line per test file, every failure with its diagnostics, then the coverage table.
// tap's exit code is kept: a failing test or a coverage shortfall fails the run.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const child = spawn('npx', ['tap', '--reporter=tap', ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'inherit'] });
let summary = { pass: 0, fail: 0 };
const PASSING_DETAIL = /^\s+(ok \d+|# Subtest|# time=|1\.\.\d+$)|^\s*$|^# Subtest: /;

createInterface({ input: child.stdout }).on('line', (line) => {
  const totals = /^# \{ total: \d+(?:, pass: (\d+))?(?:, fail: (\d+))?/.exec(line);
  if (totals) summary = { pass: Number(totals[1] ?? 0), fail: Number(totals[2] ?? 0) };
  if (!PASSING_DETAIL.test(line)) process.stdout.write(`${line}\n`);
});

child.on('close', (code, signal) => {
  const status = signal ? 1 : (code ?? 1);
  if (status !== 0 && summary.fail === 0) {
    process.stdout.write('\ntap exited non-zero without a failing test: a coverage threshold was missed (see the table above)\n');
  }
  process.stdout.write(`\n${summary.pass} passed, ${summary.fail} failed\n`);
  process.exit(status);
});
