import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A port free on loopback right now (the OS picks it; we release it for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Servers still running: killed when this process exits however it exits (an interrupted
// `npm run bench`, a test runner's timeout), so no server outlives its benchmark.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** The command line it was started with. */
  command: string;
  /** Resident memory now, in MB (Linux /proc; 0 elsewhere). */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * The Node options the Docker image starts the server with (the options of its `CMD`, such as
 * the V8 heap cap), read from the Dockerfile, so the bench runs the server as the image does.
 */
export function imageNodeOptions(dockerfile = join(ROOT, 'Dockerfile')): string[] {
  // Only a line that starts with CMD: the HEALTHCHECK's command is indented under it.
  const cmd = /^CMD (\[.*\])\s*$/m.exec(readFileSync(dockerfile, 'utf8'));
  if (!cmd?.[1]) throw new Error(`${dockerfile} has no CMD in exec form`);
  const argv = JSON.parse(cmd[1]) as unknown;
  if (!Array.isArray(argv) || argv[0] !== 'node' || argv.at(-1) !== 'dist/server.js' || !argv.every((arg) => typeof arg === 'string')) {
    throw new Error(`${dockerfile}: the image's command is not node [options] dist/server.js: ${cmd[1]}`);
  }
  return argv.slice(1, -1) as string[];
}

/**
 * Starts an entry point as its own process: TypeScript through tsx (like `npm start`), built
 * JavaScript as it is (like the Docker image), on a free loopback port, with stdout and stderr to `logFile`; resolves once `readyPath` answers 200.
 */
export async function startServer(options: {
  name: string;
  script: string;
  /** Options for node itself, before the entry point. */
  nodeOptions?: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyPath: string;
}): Promise<ServerProcess> {
  const port = await freePort();
  const log = openSync(options.logFile, 'a');
  const args = [...(options.nodeOptions ?? []), ...(options.script.endsWith('.ts') ? ['--import', 'tsx', options.script] : [options.script])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  running.add(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await Promise.race([exited.then(() => 'exited' as const), ready(`${url}${options.readyPath}`)]);
    if (state === 'exited') throw new Error(`${options.name} exited before it was ready; see ${options.logFile}:\n${tail(options.logFile)}`);
    if (state) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within 120 s; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const command = ['node', ...args].join(' ');
  return { name: options.name, url, pid: child.pid as number, command, rssMb: () => rssMb(child), stop: () => stop(child, exited) };
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

function rssMb(child: ChildProcess): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

const tail = (file: string) => readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
