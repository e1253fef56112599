// Partial statistics. A document's counts are a Tally of one document; corpus tables are built by
// merging tallies, and merging only adds, so it is associative and commutative: one process, a worker
// pool or several machines merge in any order and get the same tables.

export interface TermStat {
  count: number;
  docs: number;
  /** co-occurrence units (sentences by default) that hold the term */
  units: number;
  /** part of speech → count, to report the usual one */
  pos: Map<string, number>;
}

export interface EntityStat {
  mentions: number;
  docs: number;
  /** co-occurrence units that hold a mention */
  units: number;
  /** surface as written (original script) → count */
  surfaces: Map<string, number>;
}

export interface PairStat {
  /** units (sentences by default) in which both occur */
  count: number;
  docs: number;
}

export interface Tally {
  documents: number;
  /** word tokens (tokens holding a letter or digit) */
  tokens: number;
  /** co-occurrence units (sentences by default) */
  units: number;
  terms: Map<string, TermStat>;
  entities: Map<string, EntityStat>;
  /** key: the two items, sorted, joined by a tab */
  termPairs: Map<string, PairStat>;
  entityPairs: Map<string, PairStat>;
}

export function emptyTally(): Tally {
  return { documents: 0, tokens: 0, units: 0, terms: new Map(), entities: new Map(), termPairs: new Map(), entityPairs: new Map() };
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

export function splitPairKey(key: string): [string, string] {
  const tab = key.indexOf('\t');
  return [key.slice(0, tab), key.slice(tab + 1)];
}

function addCounts(target: Map<string, number>, source: Map<string, number>): void {
  for (const [key, n] of source) target.set(key, (target.get(key) ?? 0) + n);
}

export function mergeTerms(target: Map<string, TermStat>, source: Map<string, TermStat>): void {
  for (const [term, s] of source) {
    const t = target.get(term);
    if (!t) target.set(term, { count: s.count, docs: s.docs, units: s.units, pos: new Map(s.pos) });
    else {
      t.count += s.count;
      t.docs += s.docs;
      t.units += s.units;
      addCounts(t.pos, s.pos);
    }
  }
}

function mergePairs(target: Map<string, PairStat>, source: Map<string, PairStat>): void {
  for (const [key, s] of source) {
    const t = target.get(key);
    if (!t) target.set(key, { count: s.count, docs: s.docs });
    else {
      t.count += s.count;
      t.docs += s.docs;
    }
  }
}

/** Adds `source` into `target`; term pairs, the bulk of a tally, only when asked (the default). */
export function mergeTally(target: Tally, source: Tally, parts: { termPairs: boolean } = { termPairs: true }): Tally {
  target.documents += source.documents;
  target.tokens += source.tokens;
  target.units += source.units;
  mergeTerms(target.terms, source.terms);
  for (const [id, s] of source.entities) {
    const t = target.entities.get(id);
    if (!t) target.entities.set(id, { mentions: s.mentions, docs: s.docs, units: s.units, surfaces: new Map(s.surfaces) });
    else {
      t.mentions += s.mentions;
      t.docs += s.docs;
      t.units += s.units;
      addCounts(t.surfaces, s.surfaces);
    }
  }
  if (parts.termPairs) mergePairs(target.termPairs, source.termPairs);
  mergePairs(target.entityPairs, source.entityPairs);
  return target;
}

/** parts of speech and surfaces of a tally that keeps none: one shared empty map, never written to */
export const NO_COUNTS: Map<string, number> = new Map();

/**
 * The rest of a corpus, for keyness (each period against the rest): `total`'s terms and entities
 * with `part`'s counts taken out (those left at zero dropped), its documents, tokens and units less
 * the part's. Linear in the sizes, where merging every other part again would be quadratic in their
 * number. Pairs, parts of speech and surfaces are left out: keyness reads counts only. `total` is
 * left as it was (unchanged stats are shared with it, not copied).
 */
export function tallyWithout(total: Tally, part: Tally): Tally {
  const rest = emptyTally();
  rest.documents = total.documents - part.documents;
  rest.tokens = total.tokens - part.tokens;
  rest.units = total.units - part.units;
  for (const [term, s] of total.terms) {
    const p = part.terms.get(term);
    if (!p) rest.terms.set(term, s);
    else if (s.count > p.count) rest.terms.set(term, { count: s.count - p.count, docs: s.docs - p.docs, units: s.units - p.units, pos: NO_COUNTS });
  }
  for (const [id, s] of total.entities) {
    const p = part.entities.get(id);
    if (!p) rest.entities.set(id, s);
    else if (s.mentions > p.mentions)
      rest.entities.set(id, { mentions: s.mentions - p.mentions, docs: s.docs - p.docs, units: s.units - p.units, surfaces: NO_COUNTS });
  }
  return rest;
}

/** The most frequent key; ties go to the first in code-unit order, so the answer is deterministic. */
export function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, n] of counts) {
    if (n > bestCount || (n === bestCount && key < best)) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}
