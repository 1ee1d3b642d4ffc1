#!/usr/bin/env node
import { runCli } from './program.js';

// The `dateline` executable: only this file touches process.argv and the exit code.
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
