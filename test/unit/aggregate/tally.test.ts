import assert from 'node:assert/strict';
import test from 'node:test';
import { emptyTally, mergeTally, pairKey, type Tally, tallyWithout } from '../../../src/aggregate/tally.js';

function tally(terms: Record<string, number>, pairs: Record<string, number> = {}): Tally {
  const t = emptyTally();
  t.documents = 1;
  t.tokens = Object.values(terms).reduce((a, b) => a + b, 0);
  for (const [term, count] of Object.entries(terms)) t.terms.set(term, { count, docs: 1, units: count, pos: new Map([['n', count]]) });
  for (const [key, count] of Object.entries(pairs)) t.termPairs.set(key, { count, docs: 1 });
  return t;
}

/** a comparable form: maps to sorted entries */
const plain = (t: Tally) => JSON.stringify(t, (_k, v) => (v instanceof Map ? [...v].sort() : v));

test('merging adds counts and document frequencies', () => {
  const merged = mergeTally(mergeTally(emptyTally(), tally({ 经济: 2, 合作: 1 })), tally({ 经济: 3 }));
  assert.equal(merged.documents, 2);
  assert.equal(merged.tokens, 6);
  assert.deepEqual(merged.terms.get('经济'), { count: 5, docs: 2, units: 5, pos: new Map([['n', 5]]) });
  assert.deepEqual(merged.terms.get('合作'), { count: 1, docs: 1, units: 1, pos: new Map([['n', 1]]) });
});

test('merging is associative and commutative', () => {
  const make = () => [tally({ a: 1, b: 2 }, { 'a\tb': 1 }), tally({ b: 1, c: 4 }, { 'b\tc': 2 }), tally({ a: 5 }, { 'a\tb': 3 })];
  const [a1, b1, c1] = make();
  const left = mergeTally(mergeTally(mergeTally(emptyTally(), a1!), b1!), c1!);
  const [a2, b2, c2] = make();
  const right = mergeTally(emptyTally(), mergeTally(mergeTally(emptyTally(), c2!), mergeTally(mergeTally(emptyTally(), b2!), a2!)));
  assert.equal(plain(left), plain(right));
  assert.deepEqual(left.termPairs.get('a\tb'), { count: 4, docs: 2 });
});

test('merging does not alias the source maps', () => {
  const source = tally({ a: 1 });
  const target = mergeTally(emptyTally(), source);
  mergeTally(target, tally({ a: 1 }));
  assert.equal(source.terms.get('a')!.count, 1);
});

test('pair keys are order-free', () => {
  assert.equal(pairKey('美国', '中国'), pairKey('中国', '美国'));
});

test('the rest of a corpus: its terms are the other parts merged; pairs, parts of speech and surfaces are left out', () => {
  const make = () => [tally({ a: 1, b: 2 }, { 'a\tb': 1 }), tally({ b: 1, c: 4 }, { 'b\tc': 2 }), tally({ a: 5 }, { 'a\tb': 3 })];
  const [a1, b1, c1] = make();
  const total = mergeTally(mergeTally(mergeTally(emptyTally(), a1!), b1!), c1!);
  const [a2, b2, c2] = make();
  const others = mergeTally(mergeTally(emptyTally(), a2!), c2!);
  const rest = tallyWithout(total, b2!);
  const counts = (t: Tally) => [...t.terms].map(([term, s]) => [term, s.count, s.docs, s.units]).sort();
  assert.deepEqual(counts(rest), counts(others));
  assert.deepEqual([rest.documents, rest.tokens], [others.documents, others.tokens]);
  assert.equal(rest.terms.has('c'), false, 'a term only the part had is gone, not left at zero');
  assert.equal(rest.termPairs.size, 0);
  assert.equal(total.terms.get('b')!.count, 3, 'the total is left as it was');
});
