// Golden files: each post in test/fixtures/posts (written for these tests, in the shapes of real
// archives) through the whole pipeline with the real dictionaries, compared with a reviewed JSON
// summary in test/fixtures/golden. After a deliberate change, regenerate with
// UPDATE_GOLDEN=1 npm test and review the diff before committing it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { unpackCounts } from '../../src/aggregate/packed.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { loadResources } from '../../src/pipeline/resources.js';
import type { Doc } from '../../src/types.js';
import { ROOT } from '../helpers.js';

const POSTS = join(ROOT, 'test', 'fixtures', 'posts');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'golden');
const pipeline = createPipeline({ tzOffsetMinutes: 480 }, loadResources());

function summary(doc: Doc) {
  const terms = doc.counts ? [...unpackCounts(doc.counts).terms].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1)).slice(0, 10) : [];
  return {
    meta: doc.meta,
    script: doc.script,
    messages: doc.messages.map((m) => `${m.severity} ${m.code}`),
    blocks: doc.blocks.map((b) => `${b.kind}: ${b.text}`),
    mentions: doc.mentions.map((m) => `${m.entity} ${m.surface} @${m.block}:${m.start}-${m.end} (${m.source})`),
    topTerms: terms.map(([t, s]) => `${t} ${s.count}`),
  };
}

for (const name of readdirSync(POSTS).sort()) {
  test(`golden: ${name}`, () => {
    const doc = pipeline.process({ path: `test/fixtures/posts/${name}`, bytes: readFileSync(join(POSTS, name)) });
    const actual = `${JSON.stringify(summary(doc), null, 2)}\n`;
    const goldenFile = join(GOLDEN, `${name}.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenFile, actual);
    assert.equal(actual, readFileSync(goldenFile, 'utf8'));
  });
}
