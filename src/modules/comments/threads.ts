/** What nesting needs of a comment: its key, its parent's, and its time. */
export interface ThreadItem {
  seq: number;
  parentSeq: number | null;
  createdAt: number;
}

export type Nested<T> = T & { replies: Nested<T>[] };

const chronological = (a: ThreadItem, b: ThreadItem) => a.createdAt - b.createdAt || a.seq - b.seq;

/**
 * Nests comments under their parents, replies oldest first at every level. Items whose
 * parent is not among them are returned at the top, in the order given: the callers pass
 * one page of thread starters and everything below them.
 */
export function nest<T extends ThreadItem>(items: readonly T[]): Nested<T>[] {
  const nodes = new Map<number, Nested<T>>(items.map((item) => [item.seq, { ...item, replies: [] }]));
  const top: Nested<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.seq) as Nested<T>;
    const parent = item.parentSeq === null ? undefined : nodes.get(item.parentSeq);
    if (parent) parent.replies.push(node);
    else top.push(node);
  }
  for (const node of nodes.values()) node.replies.sort(chronological);
  return top;
}

/**
 * The parents that `items` refer to but do not contain: comments no longer public whose
 * public replies still have to hang somewhere.
 */
export function missingParents(items: readonly ThreadItem[]): number[] {
  const present = new Set(items.map((item) => item.seq));
  const missing = new Set<number>();
  for (const item of items) if (item.parentSeq !== null && !present.has(item.parentSeq)) missing.add(item.parentSeq);
  return [...missing];
}
