// Binary search, written once: offsets of tokens, sentences and windows are sorted lists.

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
