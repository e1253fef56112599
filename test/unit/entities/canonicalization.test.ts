// The canonicalization set (test/fixtures/canonicalization.tsv): surfaces that must get one id
// across scripts and regional transliterations, and look-alike names that must not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { createSentenceTagger } from '../../../src/eval/ner.js';
import { loadResources } from '../../../src/pipeline/resources.js';
import { ROOT } from '../../helpers.js';

const tag = createSentenceTagger(loadResources());
const rows = readFileSync(join(ROOT, 'test', 'fixtures', 'canonicalization.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .slice(1)
  .map((line) => line.split('\t') as [string, string, string, string]);

/** the id of the one mention covering the whole surface */
function idOf(surface: string): string | undefined {
  const whole = tag(surface).filter((m) => m.start === 0 && m.end === surface.length);
  return whole.length === 1 ? whole[0]!.entity : undefined;
}

test('the set has both kinds of pair', () => {
  assert.ok(rows.filter((r) => r[2] === 'same').length >= 40);
  assert.ok(rows.filter((r) => r[2] === 'different').length >= 15);
});

for (const [a, b, relation, why] of rows) {
  test(`${a} / ${b}: ${relation} (${why})`, () => {
    const [idA, idB] = [idOf(a), idOf(b)];
    assert.ok(idA, `${a} is recognised as one entity`);
    assert.ok(idB, `${b} is recognised as one entity`);
    if (relation === 'same') assert.equal(idA, idB);
    else assert.notEqual(idA, idB);
  });
}
