import { readFileSync } from 'node:fs';
import { api } from '../../test/hardening/server-process.js';

export interface MemorySample {
  /** Seconds since the soak started. */
  at: number;
  rssMb: number;
  heapMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Resident memory of a process, from /proc (Linux, where the soak runs). */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** The server's own view of its heap, as its /metrics reports it. */
async function heapBytes(base: string): Promise<number> {
  const metrics = await api(base, 'GET', '/metrics');
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics.body)?.[1] ?? Number.NaN);
}

/** Samples the server's memory every `everyMs` until stopped. */
export function sampleMemory(base: string, pid: number, everyMs = 1000) {
  const started = Date.now();
  const samples: MemorySample[] = [];
  const take = async () => {
    try {
      samples.push({ at: (Date.now() - started) / 1000, rssMb: mb(rssBytes(pid)), heapMb: mb(await heapBytes(base)) });
    } catch {
      // A sample lost to a shed or slow request is simply missing; the trend needs only most of them.
    }
  };
  let pending: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    pending = take();
  }, everyMs);
  return {
    samples,
    /** Stops sampling once the sample under way is in. */
    async stop() {
      clearInterval(timer);
      await pending;
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Whether memory kept growing: the median of the last quarter of the run against that of the
 * second quarter (the first is warm-up: JIT, caches, connection pools). Medians, because a
 * garbage-collected heap saw-tooths; a leak lifts the whole saw.
 */
export function memoryTrend(samples: MemorySample[], field: 'rssMb' | 'heapMb') {
  const quarter = Math.floor(samples.length / 4);
  const early = median(samples.slice(quarter, 2 * quarter).map((s) => s[field]));
  const late = median(samples.slice(3 * quarter).map((s) => s[field]));
  const peak = Math.max(...samples.map((s) => s[field]));
  // Growth beyond both a quarter and 48 MB between the two is a trend, not noise.
  const growing = late - early > Math.max(48, early * 0.25);
  return { early, late, peak, growing };
}
