// Searching sorted lists, written once: offsets of tokens, sentences and windows, and tokens and
// mentions in text order, are sorted lists.

/** The index of the last item of [from, to) whose key is ≤ x (keys ascending), or -1 when none is. */
export function lastAtOrBefore(keyAt: (index: number) => number, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where each block's run begins in a list in text order (tokens, mentions): block b's items are
 * items[runs[b]] up to items[runs[b + 1]]; `blocks` runs, one more bound.
 */
export function blockRuns(items: readonly { block: number }[], blocks: number): Int32Array {
  const runs = new Int32Array(blocks + 1);
  let i = 0;
  for (let block = 0; block < blocks; block++) {
    runs[block] = i;
    while (i < items.length && items[i]!.block === block) i++;
  }
  runs[blocks] = i;
  return runs;
}
