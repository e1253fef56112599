// A document's counts as the count stage makes them and the reduce reads them: each term and entity
// once, by a local index (in order of first appearance), and the numbers in typed arrays. No string is
// made per term pair, and the result crosses a thread boundary (or goes to the cache) without being
// rebuilt; `unpackCounts` gives the same counts as a Tally of Maps, for code that merges tallies.
import { pairKey, type Tally } from './tally.js';

/** A document's counts: its terms and entities by local index, and pairs of those indices. */
export interface PackedCounts {
  tokens: number;
  units: number;
  terms: string[];
  /** per term: count, then units holding it */
  termStats: Uint32Array;
  /** the parts of speech the document tagged its terms with */
  posTags: string[];
  /** (term, tag, count) triples */
  termPos: Uint32Array;
  entities: string[];
  /** per entity: mentions, then units holding it */
  entityStats: Uint32Array;
  surfaces: string[];
  /** (entity, surface, count) triples */
  entitySurfaces: Uint32Array;
  /** (term, term, units holding both) triples; each pair once, the two in code-unit order of their strings */
  termPairs: Uint32Array;
  /** (entity, entity, units holding both) triples, likewise */
  entityPairs: Uint32Array;
}

/** The same counts as a Tally of one document. */
export function unpackCounts(c: PackedCounts): Tally {
  const tally: Tally = { documents: 1, tokens: c.tokens, units: c.units, terms: new Map(), entities: new Map(), termPairs: new Map(), entityPairs: new Map() };
  for (const [i, term] of c.terms.entries()) tally.terms.set(term, { count: c.termStats[2 * i]!, docs: 1, units: c.termStats[2 * i + 1]!, pos: new Map() });
  for (let k = 0; k < c.termPos.length; k += 3) tally.terms.get(c.terms[c.termPos[k]!]!)!.pos.set(c.posTags[c.termPos[k + 1]!]!, c.termPos[k + 2]!);
  for (const [i, id] of c.entities.entries()) {
    tally.entities.set(id, { mentions: c.entityStats[2 * i]!, docs: 1, units: c.entityStats[2 * i + 1]!, surfaces: new Map() });
  }
  for (let k = 0; k < c.entitySurfaces.length; k += 3) {
    tally.entities.get(c.entities[c.entitySurfaces[k]!]!)!.surfaces.set(c.surfaces[c.entitySurfaces[k + 1]!]!, c.entitySurfaces[k + 2]!);
  }
  for (let k = 0; k < c.termPairs.length; k += 3) {
    tally.termPairs.set(pairKey(c.terms[c.termPairs[k]!]!, c.terms[c.termPairs[k + 1]!]!), { count: c.termPairs[k + 2]!, docs: 1 });
  }
  for (let k = 0; k < c.entityPairs.length; k += 3) {
    tally.entityPairs.set(pairKey(c.entities[c.entityPairs[k]!]!, c.entities[c.entityPairs[k + 1]!]!), { count: c.entityPairs[k + 2]!, docs: 1 });
  }
  return tally;
}
