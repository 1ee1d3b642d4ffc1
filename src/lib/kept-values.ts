/**
 * Values worked out from a key and kept, at most `limit` of them, the oldest kept dropped
 * first: for small derivations asked for far more often than what they derive from changes
 * (a URL's digest, an article format's validators). The key must name every input.
 */
export function keptValues<T>(limit: number): (key: string, compute: () => T) => T {
  const kept = new Map<string, T>();
  return (key, compute) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute();
      if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
      kept.set(key, value);
    }
    return value;
  };
}
