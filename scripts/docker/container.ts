// Runs a built image the way an engine would, with `buildah run` (chroot isolation, host
// network): the image's own command, user, working directory and environment. buildah gives
// the working container its own, initially empty, directory for each VOLUME of the image,
// shared by every command run in that container (like an anonymous volume).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** The parts of an image's (Docker-format) configuration that the proof reads. */
export interface ImageConfig {
  User: string;
  Env: string[];
  Cmd: string[];
  Entrypoint?: string[] | null;
  Volumes?: Record<string, object> | null;
  ExposedPorts?: Record<string, object> | null;
  Healthcheck?: { Test: string[] } | null;
}

/** A check of the proof that did not hold; the proof reports it and fails. */
export class CheckFailed extends Error {}

const START_GUARD_MS = 120_000;
const STOP_GUARD_MS = 60_000;

const envFlags = (env: Record<string, string>) => Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]);

export interface RunResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export interface Container {
  port: number;
  /** Runs another command in the same container (same volumes), as `docker exec` would. */
  run(command: string[], env?: Record<string, string>): RunResult;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Signals the server process itself (as an engine signals PID 1) and waits for it to exit. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; output: string }>;
  remove(): void;
}

/** Starts the image's command and resolves once it logs the port it listens on. */
export async function startContainer(image: string, config: ImageConfig, env: Record<string, string>): Promise<Container> {
  const name = execFileSync('buildah', ['from', '--pull=never', image], { encoding: 'utf8' }).trim();
  const base = ['run', '--isolation', 'chroot'];
  const command = [...(config.Entrypoint ?? []), ...config.Cmd];
  const child = spawn('buildah', [...base, ...envFlags(env), name, '--', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let running = true;
  void exited.then(() => (running = false));

  const remove = () => {
    if (running) child.kill('SIGKILL');
    spawnSync('buildah', ['rm', name]);
  };

  let listening: RegExpExecArray | null = null;
  for (let waited = 0; running && waited < START_GUARD_MS && !listening; waited += 100) {
    listening = /"pid":(\d+)[^\n]*"msg":"Server listening at http:\/\/127\.0\.0\.1:(\d+)"/.exec(output);
    if (!listening) await sleep(100);
  }
  if (!listening) {
    remove();
    const why = running ? 'did not listen in time' : 'exited';
    throw new CheckFailed(`the image's command starts and listens (it ${why}:\n${output.split('\n').slice(-15).join('\n')})`);
  }
  const pid = Number(listening[1]);
  const port = Number(listening[2]);

  return {
    port,
    run(args, env = {}) {
      const result = spawnSync('buildah', [...base, ...envFlags(env), name, '--', ...args], { encoding: 'utf8' });
      return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
    },
    fetch: (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init),
    async stop(signal) {
      process.kill(pid, signal);
      const guard = sleep(STOP_GUARD_MS).then(() => [null] as [null]);
      const [code] = await Promise.race([exited, guard]);
      return { code, output };
    },
    remove,
  };
}
