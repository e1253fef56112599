// Syndicated copies in a folder of posts (default: the shared corpus beside the repository): runs
// the real extract and normalize stages, signs every document, feeds the copy detector in input
// order and prints the groups it finds, how many mix scripts, the time taken, and the distribution
// of every document's best similarity to any other (all pairs, not only LSH candidates), so the
// threshold can be put in a gap. Run: npx tsc -p tsconfig.json && node build/bench/near-duplicates.js [folder] [threshold]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCopyDetector, DEFAULT_THRESHOLD, estimatedSimilarity, SHINGLE_LENGTH, SIGNATURE_SIZE, signatureOf } from '../src/aggregate/near-duplicates.js';
import { collectInputs } from '../src/pipeline/inputs.js';
import { createPipeline, newDoc } from '../src/pipeline/pipeline.js';
import { loadResources } from '../src/pipeline/resources.js';
import { type Doc, hasFatal } from '../src/types.js';

const folder = process.argv[2] ?? '../shared/corpus';
const threshold = process.argv[3] === undefined ? DEFAULT_THRESHOLD : Number(process.argv[3]);
const pipeline = createPipeline({ tzOffsetMinutes: 480 }, loadResources());
const stages = pipeline.stages.filter((s) => s.name === 'extract' || s.name === 'normalize');
const files = collectInputs([folder]).files;

// extract and normalize every file; byte-identical files are left out as `zhtext analyze` does
const t0 = performance.now();
const docs: Doc[] = [];
const ids = new Set<string>();
let failed = 0;
let sameBytes = 0;
for (const path of files) {
  const doc = newDoc({ path, bytes: readFileSync(path) });
  for (const stage of stages) if (!hasFatal(doc)) stage.run(doc);
  if (hasFatal(doc)) failed++;
  else if (ids.has(doc.id)) sameBytes++;
  else {
    ids.add(doc.id);
    docs.push(doc);
  }
}
const stagesMs = performance.now() - t0;

// signatures, then the detector: timed apart, each over the whole corpus
let t1 = performance.now();
const signatures = docs.map((doc) => signatureOf(doc.blocks.map((b) => b.norm)));
const signMs = performance.now() - t1;
t1 = performance.now();
const detector = createCopyDetector({ threshold });
const matches = docs.map((doc, i) => detector.add(doc.id, signatures[i]));
const detectMs = performance.now() - t1;

// groups: original → its copies, in input order
const indexOfId = new Map(docs.map((doc, i) => [doc.id, i]));
const groups = new Map<number, number[]>();
matches.forEach((match, i) => {
  if (!match) return;
  const original = indexOfId.get(match.copyOf)!;
  const members = groups.get(original) ?? [];
  members.push(i);
  groups.set(original, members);
});
const crossScript = [...groups].filter(([original, copies]) => {
  const scripts = new Set([original, ...copies].map((i) => docs[i]!.script));
  return scripts.has('simplified') && scripts.has('traditional');
}).length;

// every document's best similarity to any other document, all pairs
t1 = performance.now();
const signed = signatures.flatMap((s, i) => (s ? [{ i, s }] : []));
const best = new Map<number, { other: number; similarity: number }>();
for (let x = 0; x < signed.length; x++) {
  for (let y = x + 1; y < signed.length; y++) {
    const similarity = estimatedSimilarity(signed[x]!.s, signed[y]!.s);
    for (const [me, other] of [
      [signed[x]!.i, signed[y]!.i],
      [signed[y]!.i, signed[x]!.i],
    ] as const) {
      const current = best.get(me);
      if (!current || similarity > current.similarity) best.set(me, { other, similarity });
    }
  }
}
const allPairsMs = performance.now() - t1;
// LSH recall: documents with an earlier one at or above the threshold, by all pairs, against the detector's copies
let copiesByAllPairs = 0;
for (let y = 0; y < signed.length; y++) {
  for (let x = 0; x < y; x++) {
    if (estimatedSimilarity(signed[x]!.s, signed[y]!.s) >= threshold) {
      copiesByAllPairs++;
      break;
    }
  }
}

const where = (i: number) => relative(folder, docs[i]!.path).replace(/\n/g, '\\n');
const describe = (i: number) => `${where(i)} | ${docs[i]!.meta.outlet ?? ''} | ${docs[i]!.script} | ${(docs[i]!.meta.title ?? '').replace(/\n/g, ' ')}`;
const scriptCounts = new Map<string, number>();
for (const doc of docs) scriptCounts.set(doc.script, (scriptCounts.get(doc.script) ?? 0) + 1);

console.log(
  `files: ${files.length}; failed: ${failed}; same bytes as another: ${sameBytes}; documents: ${docs.length} (${[...scriptCounts].map(([s, n]) => `${s} ${n}`).join(', ')})`,
);
console.log(
  `signed: ${signed.length} (${docs.length - signed.length} too short); ${SIGNATURE_SIZE} slots, shingles of ${SHINGLE_LENGTH}, threshold ${threshold}`,
);
console.log(
  `extract + normalize: ${stagesMs.toFixed(0)} ms; signatures: ${signMs.toFixed(1)} ms; detector: ${detectMs.toFixed(1)} ms; all pairs (for the buckets): ${allPairsMs.toFixed(0)} ms`,
);
console.log(`copies found by all pairs: ${copiesByAllPairs}; by the detector (LSH): ${matches.filter(Boolean).length}`);
console.log(
  `copy groups: ${groups.size} (${[...groups.values()].reduce((n, c) => n + c.length, 0)} copies); mixing traditional and simplified: ${crossScript}`,
);

console.log('\nbest similarity of each signed document to any other:');
const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
for (let b = 0; b + 1 < edges.length; b++) {
  const n = [...best.values()].filter((v) => v.similarity >= edges[b]! && v.similarity < edges[b + 1]!).length;
  console.log(`  ${edges[b]!.toFixed(1)}–${Math.min(edges[b + 1]!, 1).toFixed(1)}: ${n}`);
}

console.log('\ngroups (original first, then each copy with its similarity):');
for (const [original, copies] of [...groups].sort((a, b) => a[0] - b[0])) {
  console.log(`  ${describe(original)}`);
  for (const c of copies)
    console.log(`    ${matches[c]!.similarity.toFixed(3)} (exact with the original ${overlap(docs[original]!, docs[c]!).jaccard.toFixed(3)})  ${describe(c)}`);
}

// the pairs just under and over the threshold, to read: are they the same story?
console.log('\nbest pairs from 0.4 up to 0.95, with the exact Jaccard of their shingle sets and the share of the smaller set in the larger:');
const listed = new Set<string>();
for (const [i, { other, similarity }] of [...best].sort((a, b) => b[1].similarity - a[1].similarity)) {
  if (similarity < 0.4 || similarity >= 0.95) continue;
  const key = [i, other].sort((a, b) => a - b).join(' ');
  if (listed.has(key)) continue;
  listed.add(key);
  const { jaccard, containment } = overlap(docs[i]!, docs[other]!);
  console.log(`  ${similarity.toFixed(3)} (exact ${jaccard.toFixed(3)}, contained ${containment.toFixed(3)})`);
  console.log(`    ${describe(Math.min(i, other))}`);
  console.log(`    ${describe(Math.max(i, other))}`);
}

/** Jaccard of the two texts' shingle sets, and the share of the smaller set found in the larger: a check on the estimate */
function overlap(a: Doc, b: Doc): { jaccard: number; containment: number } {
  const set = (doc: Doc) => {
    const chars = [
      ...doc.blocks
        .map((x) => x.norm)
        .join('')
        .toLowerCase()
        .replace(/[^\p{Script=Han}\p{Script=Latin}0-9]/gu, ''),
    ];
    const shingles = new Set<string>();
    for (let i = 0; i + SHINGLE_LENGTH <= chars.length; i++) shingles.add(chars.slice(i, i + SHINGLE_LENGTH).join(''));
    return shingles;
  };
  const sa = set(a);
  const sb = set(b);
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return { jaccard: common / (sa.size + sb.size - common), containment: common / Math.min(sa.size, sb.size) };
}
