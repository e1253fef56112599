// Throughput and memory of the per-document pipeline over a folder of posts (default: the shared
// corpus beside the repository). Prints wall time per stage, documents and tokens per second, and the
// peak resident memory. Run: npm run bench [-- <folder>]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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
    if (doc.tally) mergeTally(total, doc.tally);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  passes.push({ stageMs, runMs: performance.now() - t1, total: { documents: total.documents, tokens: total.tokens } });
}
// What recognition adds to a run: warm passes without the entities stage and with it, alternated,
// compared by their total time. This counts what the stage costs the run, garbage collection of its
// allocations included, and not the collections it happens to trigger for the other stages' garbage
// (which the per-stage times above charge to whichever stage is running).
const withoutEntities = pipeline.stages.filter((s) => s.name !== 'entities');
const runTimes = { with: [] as number[], without: [] as number[], segment: [] as number[] };
for (let round = 0; round < 3; round++) {
  for (const withEntities of [false, true]) {
    const stages = withEntities ? pipeline.stages : withoutEntities;
    let segmentMs = 0;
    const t1 = performance.now();
    for (const source of sources) {
      const doc = newDoc(source);
      for (const stage of stages) {
        if (hasFatal(doc)) break;
        const start = performance.now();
        stage.run(doc);
        if (stage.name === 'segment') segmentMs += performance.now() - start;
      }
    }
    (withEntities ? runTimes.with : runTimes.without).push(performance.now() - t1);
    runTimes.segment.push(segmentMs);
  }
}
// garbage collection and the machine's other work only ever add time: the fastest of the rounds
// is the steadiest estimate of each
const fastest = (xs: number[]) => Math.min(...xs);

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
const { total } = passes[0]!;

console.log(`files: ${files.length} (${mb(bytes)} MiB), analysed: ${total.documents}, word tokens: ${total.tokens}`);
console.log(`resources loaded in ${loadMs.toFixed(0)} ms (${resources.kb.entities.size} entities, ${resources.kb.aliases.size} aliases)`);
passes.forEach(({ stageMs, runMs }, pass) => {
  console.log(`pass ${pass + 1} (${pass === 0 ? 'cold' : 'warm'}): ${runMs.toFixed(0)} ms, ${(total.documents / (runMs / 1000)).toFixed(0)} docs/s, ${(total.tokens / (runMs / 1000) / 1000).toFixed(0)}k tokens/s`);
  for (const [name, ms] of stageMs) console.log(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${((ms / runMs) * 100).toFixed(1).padStart(5)}%`);
  console.log(`  entities / segment: ${((stageMs.get('entities')! / stageMs.get('segment')!) * 100).toFixed(1)}%`);
});
const added = fastest(runTimes.with) - fastest(runTimes.without);
console.log(
  `recognition added to a warm run (fastest of 3 each): ${added.toFixed(0)} ms (without it ${fastest(runTimes.without).toFixed(0)} ms, with it ${fastest(runTimes.with).toFixed(0)} ms), ` +
    `${((added / fastest(runTimes.segment)) * 100).toFixed(1)}% of segmentation (${fastest(runTimes.segment).toFixed(0)} ms)`,
);
console.log(`peak RSS: ${mb(peakRss)} MiB`);
