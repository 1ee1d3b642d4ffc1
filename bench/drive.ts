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
  /**
   * Seconds of each turn when servers are measured side by side: they take turns until each
   * has had `duration`. This machine's speed drifts by a third over tens of seconds (other
   * guests on the host); in turns, both servers see the same drift and the ratio holds still.
   */
  slice: number;
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

/**
 * The turns of a side-by-side measurement: server index and seconds, until each server has had
 * `duration`. The order flips every round (A B, B A, A B …) so neither always goes first.
 */
export function turns(servers: number, duration: number, slice: number): { server: number; seconds: number }[] {
  const plan: { server: number; seconds: number }[] = [];
  for (let round = 0, left = duration; left > 1e-9; round += 1, left -= slice) {
    const seconds = Math.round(Math.min(slice, left) * 1000) / 1000;
    const order = [...Array(servers).keys()];
    if (round % 2 === 1) order.reverse();
    for (const server of order) plan.push({ server, seconds });
  }
  return plan;
}

interface Tally {
  expected: number;
  total: number;
  errors: number;
  seconds: number;
  times: number[];
  rss: number;
}

/**
 * Loads the servers with `endpoint`, each warmed up first, then measured in turns (see
 * `turns`); write endpoints get a fresh request each time from `counter`. One measurement per
 * server, in the order given.
 */
export async function measure(servers: ServerProcess[], endpoint: Endpoint, options: RunOptions, counter: { n: number }): Promise<Measurement[]> {
  if (options.warmup > 0) for (const server of servers) await load(server, endpoint, options.connections, options.warmup, counter);
  const tallies: Tally[] = servers.map((server) => ({ expected: 0, total: 0, errors: 0, seconds: 0, times: [], rss: server.rssMb() }));
  const sampler = setInterval(() => servers.forEach((server, i) => (tallies[i]!.rss = Math.max(tallies[i]!.rss, server.rssMb()))), 250);
  try {
    for (const turn of turns(servers.length, options.duration, options.slice)) {
      const tally = tallies[turn.server]!;
      // autocannon's percentiles are whole milliseconds, too coarse for reads answered in 1–2 ms
      // (a 1 → 2 ms median reads as 2 × growth); each response's own time is a fraction of one.
      const result = await load(servers[turn.server]!, endpoint, options.connections, turn.seconds, counter, (responseTime) => tally.times.push(responseTime));
      tally.expected += result.statusCodeStats?.[`${endpoint.expect}`]?.count ?? 0;
      tally.total += Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + (s.count ?? 0), 0);
      tally.errors += result.errors;
      tally.seconds += result.duration;
    }
  } finally {
    clearInterval(sampler);
  }
  return tallies.map((tally, i) => {
    tally.times.sort((a, b) => a - b);
    return {
      rps: Math.round((tally.expected / tally.seconds) * 10) / 10,
      p50: percentile(tally.times, 0.5) ?? 0,
      p99: percentile(tally.times, 0.99) ?? 0,
      requests: tally.total,
      unexpected: tally.total - tally.expected + tally.errors,
      errors: tally.errors,
      rssMb: Math.round(Math.max(tally.rss, servers[i]!.rssMb())),
    };
  });
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
