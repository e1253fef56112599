// A table of 32-bit values by 32-bit key in open addressing, for the trainer's tens of millions of
// feature occurrences (a Map holds at most 2^24 entries, and slowly).
export class HashCounter {
  private readonly keys: Uint32Array;
  private readonly values: Uint32Array;
  size = 0;
  constructor(private readonly capacity: number) {
    this.keys = new Uint32Array(capacity);
    this.values = new Uint32Array(capacity);
  }
  private slot(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      s &= this.capacity - 1;
      const k = this.keys[s]!;
      if (k === key || k === 0) return s;
      s++;
    }
  }
  add(key: number): void {
    const s = this.slot(key);
    if (this.keys[s] === 0) {
      if (++this.size > this.capacity * 0.7) throw new Error('feature table full');
      this.keys[s] = key;
    }
    this.values[s]!++;
  }
  set(key: number, value: number): void {
    const s = this.slot(key);
    if (this.keys[s] === 0) this.size++;
    this.keys[s] = key;
    this.values[s] = value;
  }
  get(key: number): number {
    const s = this.slot(key);
    return this.keys[s] === key ? this.values[s]! : 0;
  }
}
