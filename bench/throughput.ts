// Throughput and memory of the per-document pipeline over a folder of posts (default: the shared
// corpus beside the repository). Prints wall time per stage, documents and tokens per second, and the
// peak resident memory. Run: npm run bench [-- <folder>]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { unpackCounts } from '../src/aggregate/packed.js';
import { emptyTally, mergeTally } from '../src/aggregate/tally.js';
import { collectInputs } from '../src/pipeline/inputs.js';
import { createPipeline, newDoc } from '../src/pipeline/pipeline.js';
import { loadResources } from '../src/pipeline/resources.js';
import { hasFatal } from '../src/types.js';

const folder = process.argv[2] ?? '../shared/corpus';
const t0 = performance.now();
const resources = loadResources();
const loadMs = performance.now() - t0;
const pipeline = createPipeline({ tzOffsetMinutes: 480 }, resources);
const files = collectInputs([folder]).files;
const sources = files.map((path) => ({ path, bytes: readFileSync(path) }));

// Two passes over the same documents: the first includes the JIT's warm-up (what a one-shot run of
// a small folder pays), the second is the steady state a large corpus runs at.
// (only the counts of each pass's tally are kept: the tallies themselves are large)
const passes: { stageMs: Map<string, number>; runMs: number; total: { documents: number; tokens: number } }[] = [];
let peakRss = process.memoryUsage().rss;
for (let pass = 0; pass < 2; pass++) {
  const stageMs = new Map(pipeline.stages.map((s) => [s.name, 0]));
  const total = emptyTally();
  const t1 = performance.now();
  for (const source of sources) {
    const doc = newDoc(source);
    for (const stage of pipeline.stages) {
      if (hasFatal(doc)) break;
      const start = performance.now();
      stage.run(doc);
      stageMs.set(stage.name, stageMs.get(stage.name)! + performance.now() - start);
    }
    if (doc.counts) mergeTally(total, unpackCounts(doc.counts));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  passes.push({ stageMs, runMs: performance.now() - t1, total: { documents: total.documents, tokens: total.tokens } });
}
// Stage at a time: every document through segmentation, then every document through recognition,
// three rounds, after the passes above (so with the code warm). Each stage's own work, without the
// garbage and cache pressure of the other stages, which the interleaved timers above charge to
// whichever stage is running when a collection falls due.
const prepared = sources
  .map((source) => {
    const doc = newDoc(source);
    for (const stage of pipeline.stages) {
      if (stage.name === 'segment' || hasFatal(doc)) break;
      stage.run(doc);
    }
    return doc;
  })
  .filter((doc) => !hasFatal(doc));
const segmentStage = pipeline.stages.find((s) => s.name === 'segment')!;
const entitiesStage = pipeline.stages.find((s) => s.name === 'entities')!;
const apart = { segment: [] as number[], entities: [] as number[] };
for (let round = 0; round < 3; round++) {
  let t1 = performance.now();
  for (const doc of prepared) segmentStage.run(doc);
  apart.segment.push(performance.now() - t1);
  t1 = performance.now();
  for (const doc of prepared) entitiesStage.run(doc);
  apart.entities.push(performance.now() - t1);
}

// What recognition adds to a run, as a run pays it: every document run through all the per-document
// stages twice, with and without the entities stage, the two in turn (which goes first alternates),
// three rounds. Pairing document by document puts the two under the same machine load: whole runs
// with and without, compared by their medians, differed by more than the difference sought on this
// shared machine (from -30% to +47% of segmentation). The figure includes the garbage recognition
// leaves to the other stages and the count stage's work on the mentions.
const ROUNDS = 3;
const withoutRecognition = pipeline.stages.filter((s) => s.name !== 'entities');
// (segmentation is timed in both runs of each pair: the share is of the same minutes' segmentation)
let pairedSegmentMs = 0;
const runDocument = (source: (typeof sources)[number], stages: typeof pipeline.stages) => {
  const t1 = performance.now();
  const doc = newDoc(source);
  for (const stage of stages) {
    if (hasFatal(doc)) break;
    const start = performance.now();
    stage.run(doc);
    if (stage === segmentStage) pairedSegmentMs += performance.now() - start;
  }
  return performance.now() - t1;
};
const paired = { with: [] as number[], without: [] as number[], segment: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  let withMs = 0;
  let withoutMs = 0;
  pairedSegmentMs = 0;
  sources.forEach((source, k) => {
    if ((k + round) % 2 === 0) {
      withMs += runDocument(source, pipeline.stages);
      withoutMs += runDocument(source, withoutRecognition);
    } else {
      withoutMs += runDocument(source, withoutRecognition);
      withMs += runDocument(source, pipeline.stages);
    }
  });
  paired.with.push(withMs);
  paired.without.push(withoutMs);
  paired.segment.push(pairedSegmentMs / 2);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
const { total } = passes[0]!;

console.log(`files: ${files.length} (${mb(bytes)} MiB), analysed: ${total.documents}, word tokens: ${total.tokens}`);
console.log(`resources loaded in ${loadMs.toFixed(0)} ms (${resources.kb.entities.size} entities, ${resources.kb.aliases.size} aliases)`);
passes.forEach(({ stageMs, runMs }, pass) => {
  console.log(
    `pass ${pass + 1} (${pass === 0 ? 'cold' : 'warm'}): ${runMs.toFixed(0)} ms, ${(total.documents / (runMs / 1000)).toFixed(0)} docs/s, ${(total.tokens / (runMs / 1000) / 1000).toFixed(0)}k tokens/s`,
  );
  for (const [name, ms] of stageMs) console.log(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${((ms / runMs) * 100).toFixed(1).padStart(5)}%`);
  console.log(`  entities / segment: ${((stageMs.get('entities')! / stageMs.get('segment')!) * 100).toFixed(1)}%`);
});
console.log(
  `stage at a time: segmentation ${apart.segment.map((x) => x.toFixed(0)).join('/')} ms, recognition ${apart.entities.map((x) => x.toFixed(0)).join('/')} ms: ` +
    `${apart.entities.map((x, i) => ((x / apart.segment[i]!) * 100).toFixed(1)).join('/')}% of segmentation`,
);
const added = paired.with.map((ms, round) => ms - paired.without[round]!);
console.log(
  `paired runs, with and without recognition, ${ROUNDS} rounds: ${paired.with.map((x) => x.toFixed(0)).join('/')} and ${paired.without.map((x) => x.toFixed(0)).join('/')} ms; ` +
    `recognition adds ${added.map((x) => x.toFixed(0)).join('/')} ms: ` +
    `${added.map((x, round) => ((x / paired.segment[round]!) * 100).toFixed(1)).join('/')}% of segmentation (${paired.segment.map((x) => x.toFixed(0)).join('/')} ms a run)`,
);
console.log(`peak RSS: ${mb(peakRss)} MiB`);
