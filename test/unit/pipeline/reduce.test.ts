// The reduce decides what each document is, in input order, as the single-process loop did.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { DocResult } from '../../../src/pipeline/doc-result.js';
import { Reducer } from '../../../src/pipeline/reduce.js';

function result(index: number, id: string, fields: Partial<DocResult['fields']> = {}, failed = false): DocResult {
  return {
    index,
    fields: {
      id,
      path: `p${index}.md`,
      title: '',
      date: '',
      day: '2020-10-14',
      outlet: '甲',
      outletId: 'a',
      outletWritten: '甲',
      url: '',
      script: 'simplified',
      tokens: 3,
      ...fields,
    },
    failed,
    messages: failed ? [{ code: 'body-empty', severity: 'fatal', reason: 'x' }] : [],
    mentions: [],
    entityInfo: [],
    ...(failed
      ? {}
      : {
          counts: {
            tokens: 3,
            units: 1,
            terms: ['经济'],
            termStats: Uint32Array.of(2, 1),
            posTags: ['n'],
            termPos: Uint32Array.of(0, 0, 2),
            entities: [],
            entityStats: new Uint32Array(0),
            surfaces: [],
            entitySurfaces: new Uint32Array(0),
            termPairs: new Uint32Array(0),
            entityPairs: new Uint32Array(0),
          },
        }),
  };
}

const keep = { documents: false, mentions: false, termPairs: false, groups: false };

test('statuses: counted, duplicate of an earlier file, excluded by a filter, failed', async () => {
  const reducer = await Reducer.create({ dedupe: false, keep, outletIds: new Set(['a']) });
  const statuses = [result(0, 'x'), result(1, 'x'), result(2, 'y', { outletId: 'b', outlet: '乙' }), result(3, 'z', {}, true), result(4, 'w', { day: '' })].map(
    (r) => reducer.add(r),
  );
  assert.deepEqual(
    statuses.map((s) => s.status),
    ['ok', 'duplicate', 'excluded', 'failed', 'ok'],
  );
  assert.match(statuses[1]!.messages[0]!.reason, /same bytes as p0\.md/);
  assert.match(statuses[2]!.messages[0]!.reason, /outlet "乙" is not among --outlet/);
  const corpus = await reducer.finish();
  assert.equal(corpus.documents, 2);
  assert.equal(corpus.terms.count[corpus.terms.vocabulary.get('经济')!], 4);
  assert.deepEqual(corpus.statusCounts, { ok: 2, warning: 0, failed: 1, duplicate: 1, excluded: 1, copy: 0 });
});

test('results must come in input order', async () => {
  const reducer = await Reducer.create({ dedupe: false, keep });
  reducer.add(result(0, 'x'));
  assert.throws(() => reducer.add(result(2, 'y')), /input order: got 2, expected 1/);
});
