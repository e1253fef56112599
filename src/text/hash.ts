// Small non-cryptographic hashes on 32-bit integers, shared by the near-copy signatures and the
// entity model's features: FNV-1a's step and MurmurHash3's finalizer.

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** one FNV-1a step: the hash of a sequence from that of the sequence one shorter and its last value */
export const fnvStep = (h: number, value: number) => Math.imul(h ^ value, FNV_PRIME);

/** MurmurHash3's finalizer: a bijection on 32 bits that spreads every input bit over the output (signed) */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}
