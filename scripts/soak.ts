// npm run soak: a bounded load of mixed reads and writes against the real server on loopback.
// It stops by itself after SOAK_SECONDS (60) and fails when any answer is an error other
// than the intended 429 (rate limited) and 503 (load shed), or when memory keeps growing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from '../test/hardening/server-process.js';
import { memoryTrend, sampleMemory } from './soak/memory.js';
import { requestMix, seedNewsroom } from './soak/mix.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64);
const INTENDED = new Set(['200', '201', '429', '503']);

const dir = mkdtempSync(join(tmpdir(), 'dateline-soak-'));
// Production settings, but one client address may send as much as it likes: the rate limit
// would otherwise answer nearly everything, and this measures the server, not the limiter.
const server = await startServer(join(dir, 'dateline.db'), { RATE_LIMIT_MAX: '100000000', MAX_EVENT_LOOP_DELAY_MS: '1000', LOG_LEVEL: 'info' });
let failed = true;
try {
  const newsroom = await seedNewsroom(server.url, 50);
  process.stdout.write(`soak: ${CONNECTIONS} connections for ${SECONDS} s against ${server.url}\n`);
  const memory = sampleMemory(server.url, server.child.pid as number);
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests: requestMix(newsroom), timeout: 30 });
  await memory.stop();

  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, Number(count)]));
  const unintended = Object.entries(statuses).filter(([status]) => !INTENDED.has(status));
  const rss = memoryTrend(memory.samples, 'rssMb');
  const heap = memoryTrend(memory.samples, 'heapMb');
  const total = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  const report = [
    `requests ${total} in ${result.duration.toFixed(1)} s: ${result.requests.average.toFixed(0)} req/s on average`,
    `latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
    `statuses ${JSON.stringify(statuses)}; socket errors ${result.errors}, timeouts ${result.timeouts}`,
    `memory (${memory.samples.length} samples): rss ${rss.early} → ${rss.late} MB (peak ${rss.peak}), heap ${heap.early} → ${heap.late} MB (peak ${heap.peak}), second quarter → last quarter medians`,
  ];
  process.stdout.write(`${report.join('\n')}\n`);

  const problems = [
    ...unintended.map(([status, n]) => `${n} answers with status ${status}`),
    ...(result.errors > 0 ? [`${result.errors} socket errors`] : []),
    ...(result.timeouts > 0 ? [`${result.timeouts} timeouts`] : []),
    ...(heap.growing ? ['the heap kept growing'] : []),
    ...(rss.growing ? ['resident memory kept growing'] : []),
    ...(memory.samples.length < SECONDS / 2 ? ['too few memory samples to judge a trend'] : []),
  ];
  if (problems.length > 0) process.stdout.write(`soak FAILED: ${problems.join('; ')}\n`);
  else process.stdout.write('soak passed\n');
  failed = problems.length > 0;
} finally {
  const code = await server.stop();
  if (code !== 0) process.stdout.write(`the server exited with ${code}:\n${server.output().slice(-2000)}\n`);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
