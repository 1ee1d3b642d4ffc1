// Server time of POST /v1/articles/{id}/comments, policy included, measured through
// app.inject (routing, validation, the write transaction and serialization; no socket):
// wall time, and CPU time of this process, which other load on the machine does not inflate.
// Run: node --import tsx bench/comments-post.ts  → prints percentiles, writes bench/results/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

const POSTS = 3000;
const ADMIN = 'bench-admin-secret-0123456789abcdef';

const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
const app = await buildApp(
  loadConfig({ DATABASE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'silent', DATELINE_ADMIN_KEY: ADMIN, COMMENTS_PER_MINUTE: '1000' }),
);
try {
  const admin = { authorization: `Bearer ${ADMIN}` };
  const article = (await app.inject({ method: 'POST', url: '/v1/articles', headers: admin, payload: { title: 'CSTO summit', body: 'Text.', status: 'published' } })).json();
  const readers = [];
  for (let i = 0; i < 20; i++) {
    const reader = (await app.inject({ method: 'POST', url: '/v1/readers', payload: { display_name: `Reader ${i}`, email: `r${i}@example.org` } })).json();
    readers.push({ authorization: `Bearer ${reader.token}` });
  }
  const paragraph = 'The CSTO leaders adopted 22 documents on air defence, cyber threats and drug trafficking. ';
  const bodies = [
    (n: number) => `Comment ${n}: I think the summit was a step forward for the region.`,
    (n: number) => `Comment ${n}: ${paragraph.repeat(55)}`.slice(0, 5000),
    (n: number) => `Комментарий ${n}: саммит ОДКБ в Москве принял важные решения.`,
    (n: number) => `Comment ${n}: what a load of sh1t, you are an idiot`,
  ];
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let n = 0; n < POSTS; n++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/v1/articles/${article.id}/comments`,
      headers: readers[n % readers.length],
      payload: { body: bodies[n % bodies.length]!(n) },
    });
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    if (res.statusCode !== 201) throw new Error(`post ${n}: ${res.statusCode} ${res.body}`);
  }
  const percentiles = (timings: number[]) => {
    const sorted = timings.slice(POSTS / 10).sort((a, b) => a - b);
    const at = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(3));
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
  };
  const result = { posts: POSTS, warmup_discarded: POSTS / 10, wall_ms: percentiles(wall), cpu_ms: percentiles(cpu) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  writeFileSync(new URL('results/comments-post.json', import.meta.url), `${JSON.stringify({ ...result, node: process.version, at: new Date().toISOString() }, null, 2)}\n`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
