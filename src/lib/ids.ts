import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

// uuidv7's own source refills eight words at a time through Web Crypto, ~10 µs a call in the
// busy server, about once per id. These come from a larger pool (the same OS generator).
const pool = new Uint32Array(1024);
let next = pool.length;
const generator = new V7Generator({
  nextUint32() {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++] as number;
  },
});

/** A new public id: a UUIDv7, so ids sort by creation time. */
export const newId = (): string => generator.generate().toString();
