import autocannon from 'autocannon';
import type { Endpoint } from './endpoints.js';
import type { ServerProcess } from './processes.js';

export interface RunOptions {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before measuring, so both servers are measured warm (JIT, caches). */
  warmup: number;
  /**
   * Seconds of load before measuring a write endpoint. A write path runs for the first time in
   * its own row (the reads before it share only the HTTP layer with it), and V8 takes ~6 s of
   * load to optimise it: a fresh server's first second of comment posts costs ~2.5 ms of CPU
   * per post, ~0.8 ms from the sixth on. The targets are about steady capacity.
   */
  writeWarmup: number;
}

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses with another status than the endpoint's expected one, and socket errors. */
  unexpected: number;
  errors: number;
  /** Highest resident memory of the server seen during the run, MB. */
  rssMb: number;
}

/** The load for one endpoint's row: write endpoints warm up for `writeWarmup` seconds. */
export const rowOptions = (endpoint: Pick<Endpoint, 'write'>, run: RunOptions): RunOptions => (endpoint.write ? { ...run, warmup: run.writeWarmup } : run);

/** Loads `server` with `endpoint`; write endpoints get a fresh request each time from `counter`. */
export async function measure(server: ServerProcess, endpoint: Endpoint, options: RunOptions, counter: { n: number }): Promise<Measurement> {
  if (options.warmup > 0) await load(server, endpoint, options.connections, options.warmup, counter);
  let rss = server.rssMb();
  const sampler = setInterval(() => {
    rss = Math.max(rss, server.rssMb());
  }, 250);
  try {
    // autocannon's percentiles are whole milliseconds, too coarse for reads answered in 1–2 ms
    // (a 1 → 2 ms median reads as 2 × growth); each response's own time is a fraction of one.
    const times: number[] = [];
    const result = await load(server, endpoint, options.connections, options.duration, counter, (responseTime) => times.push(responseTime));
    const expected = result.statusCodeStats?.[`${endpoint.expect}`]?.count ?? 0;
    const total = Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + (s.count ?? 0), 0);
    times.sort((a, b) => a - b);
    return {
      rps: Math.round((expected / result.duration) * 10) / 10,
      p50: percentile(times, 0.5) ?? result.latency.p50,
      p99: percentile(times, 0.99) ?? result.latency.p99,
      requests: total,
      unexpected: total - expected + result.errors,
      errors: result.errors,
      rssMb: Math.round(Math.max(rss, server.rssMb())),
    };
  } finally {
    clearInterval(sampler);
  }
}

function load(
  server: ServerProcess,
  endpoint: Endpoint,
  connections: number,
  duration: number,
  counter: { n: number },
  onResponse?: (responseTime: number) => void,
): Promise<autocannon.Result> {
  const { request, next } = endpoint;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        duration,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: request.headers,
            ...(request.body === undefined ? {} : { body: request.body }),
            ...(next ? { setupRequest: (raw) => ({ ...raw, ...next(++counter.n) }) } : {}),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

/** The `q` quantile of sorted response times, in ms to two decimals (undefined when none). */
function percentile(sorted: number[], q: number): number | undefined {
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return value === undefined ? undefined : Math.round(value * 100) / 100;
}
