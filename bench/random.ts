/** A seeded pseudo-random source (mulberry32): the same seed makes the same corpus, byte for byte. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Hex digits, for ids that must look random but be reproducible. */
  hex(length: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
}

/**
 * Draws ranks 0..n-1 with Zipf's law (weight 1/(rank+1)^s), as word and topic frequencies in
 * news text follow it: a few items are everywhere, most are rare. Binary search on the CDF.
 */
export function zipfSampler(n: number, s = 1): (random: Random) => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / (rank + 1) ** s;
    cdf[rank] = total;
  }
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A UUIDv7-shaped id for `ms`, its random bits from `random`: time-ordered like the real ones. */
export function uuidv7At(ms: number, random: Random): string {
  const time = ms.toString(16).padStart(12, '0');
  const variant = ((random.int(0, 3) | 8) >>> 0).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.hex(3)}-${variant}${random.hex(3)}-${random.hex(12)}`;
}
