// Proves the image: builds the Dockerfile with buildah (no Docker engine is needed), runs the
// built image's own command as its own user on an empty /data volume, and checks that it
// migrates, reports ready (also through its HEALTHCHECK), serves a published article, runs the
// CLI and stops cleanly on SIGTERM. Then it checks itself: the same proof on a copy of the
// Dockerfile that leaves out the migrations must fail.
//
//   npm run test:docker [-- --dockerfile path/to/Dockerfile]   (relative to the repository root)
//
// Exits non-zero when any check fails. Needs root (buildah, and apt-get to install it).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CheckFailed, startContainer, type ImageConfig } from './docker/container.js';

const { values: args } = parseArgs({ options: { dockerfile: { type: 'string', default: 'Dockerfile' } } });
const root = new URL('..', import.meta.url).pathname;
// Relative to the repository root, which is also the build context.
const DOCKERFILE = resolve(root, args.dockerfile);
const IMAGE = 'localhost/dateline:test';
const BROKEN_IMAGE = 'localhost/dateline:broken';

/** A check that throws when it does not hold; `label` tells the real proof from the self-check. */
const checker = (label: string) => (condition: unknown, what: string) => {
  if (!condition) throw new CheckFailed(what);
  process.stdout.write(`  ${label}ok - ${what}\n`);
};
const check = checker('');

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function ensureTools(): void {
  if (has('buildah') && has('debootstrap')) return;
  process.stdout.write('installing buildah and debootstrap with apt-get\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'buildah', 'debootstrap'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function build(dockerfile: string, image: string): boolean {
  const started = Date.now();
  process.stdout.write(`  building ${dockerfile} as ${image} (a first build takes minutes; later ones reuse cached layers)\n`);
  const result = spawnSync(
    'buildah',
    ['bud', '--isolation', 'chroot', '--pull=never', '--format', 'docker', '--layers', '--tag', image, '--file', dockerfile, '.'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  process.stdout.write(`  build ${result.status === 0 ? 'done' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  if (result.status !== 0) process.stdout.write(`${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n')}\n`);
  return result.status === 0;
}

function imageConfig(image: string): ImageConfig {
  const inspected = JSON.parse(execFileSync('buildah', ['inspect', '--type', 'image', image], { encoding: 'utf8' })) as {
    Docker: { config: ImageConfig };
  };
  return inspected.Docker.config;
}

function checkImageConfig(config: ImageConfig, check: ReturnType<typeof checker>): void {
  check(config.User && !['root', '0', '0:0'].includes(config.User), `runs as a non-root user (${config.User})`);
  check(config.Volumes && '/data' in config.Volumes, 'declares VOLUME /data');
  check(config.Env.includes('HOST=0.0.0.0'), 'listens on all interfaces (HOST=0.0.0.0)');
  check(config.ExposedPorts && '3000/tcp' in config.ExposedPorts, 'exposes 3000/tcp');
  const healthcheck = config.Healthcheck?.Test ?? [];
  check(healthcheck[0] === 'CMD' && /\/health\/ready/.test(healthcheck.join(' ')), 'has a HEALTHCHECK on /health/ready');
  check(config.Cmd.some((arg) => arg.startsWith('--max-old-space-size=')), `its command caps the V8 heap (${config.Cmd.join(' ')})`);
}

async function proveImage(dockerfile: string, image: string, label = ''): Promise<void> {
  const check = checker(label);
  if (!build(dockerfile, image)) throw new CheckFailed('the image builds');
  const size = execFileSync('buildah', ['images', '--format', '{{.Size}}', image], { encoding: 'utf8' }).trim();
  process.stdout.write(`  ${label}image ${image}: ${size}\n`);
  const config = imageConfig(image);
  checkImageConfig(config, check);

  const adminKey = `proof-${randomBytes(16).toString('hex')}`;
  const container = await startContainer(image, config, { PORT: '0', DATELINE_ADMIN_KEY: adminKey });
  try {
    check(container.port > 0, `the image's command starts and listens (port ${container.port})`);
    check(!container.run(['sh', '-c', 'test -e node_modules/typescript || test -e node_modules/tsx || command -v curl']).ok, 'no dev dependencies and no curl in the image');
    const ready = await container.fetch('/health/ready');
    check(ready.status === 200 && ((await ready.json()) as { checks?: Record<string, string> }).checks?.migrations === 'ok', 'migrated its empty volume and reports ready');
    const probe = config.Healthcheck?.Test.slice(1) ?? [];
    check(container.run(probe, { PORT: String(container.port) }).ok, 'its HEALTHCHECK command passes');

    const created = await container.fetch('/v1/articles', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Image proof', body: 'Served from the built image.', status: 'published' }),
    });
    check(created.status === 201, 'DATELINE_ADMIN_KEY works: an article is created');
    const article = await container.fetch('/v1/articles/image-proof');
    check(article.status === 200 && ((await article.json()) as { body_text?: string }).body_text === 'Served from the built image.', 'the published article is served');

    const stats = container.run(['dateline', 'stats']);
    check(stats.ok && /published 1/.test(stats.stdout), 'the dateline CLI runs inside the image');
    const backup = container.run(['dateline', 'backup', '/data/backup.db']);
    check(backup.ok && /integrity ok/.test(backup.stdout), 'dateline backup works while the server runs');

    const exit = await container.stop('SIGTERM');
    check(exit.code === 0, `SIGTERM stops it with exit code 0 (got ${exit.code})`);
    check(/"msg":"stopped"/.test(exit.output), 'it drained and closed before exiting');
    const closed = container.run(['sh', '-c', 'test -s /data/dateline.db && test ! -e /data/dateline.db-wal']);
    check(closed.ok, 'the database was checkpointed and closed (no WAL left in /data)');
  } finally {
    container.remove();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  ensureTools();
  execFileSync('bash', [join(root, 'scripts/docker/base-image.sh')], { stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), 'dateline-docker-'));
  try {
    process.stdout.write(`proving ${DOCKERFILE}\n`);
    await proveImage(DOCKERFILE, IMAGE);

    process.stdout.write('self-check: the proof must fail for a Dockerfile whose image lacks its migrations\n');
    const original = readFileSync(DOCKERFILE, 'utf8');
    const mutant = original.replace(/^COPY migrations .*$/m, '');
    if (mutant === original) throw new CheckFailed('the self-check finds a "COPY migrations …" line to leave out');
    const broken = join(work, 'Dockerfile.broken');
    writeFileSync(broken, mutant);
    const outcome = await proveImage(broken, BROKEN_IMAGE, '(broken image) ').then(
      () => 'passed',
      (error: unknown) => (error instanceof CheckFailed ? `failed as it must: ${error.message}` : Promise.reject(error)),
    );
    check(outcome !== 'passed', `the broken Dockerfile is caught (${outcome})`);
    process.stdout.write(`docker proof passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
    return 0;
  } catch (error) {
    process.stdout.write(`not ok - ${error instanceof CheckFailed ? error.message : (error as Error).stack}\n`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
