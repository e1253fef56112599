// zhtext eval ner from the command line: the model by default, the rules on request, predictions
// written in BIO, a bad --recognizer refused. The gold sentences are written here, by hand.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { zhtext } from '../helpers.js';

const SENTENCES: [string, [string, string][]][] = [
  [
    '新华社记者黄志远报道，中国青年志愿者协会今天在京成立。',
    [
      ['新华社', 'ORG'],
      ['黄志远', 'PER'],
      ['中国青年志愿者协会', 'ORG'],
      ['京', 'LOC'],
    ],
  ],
  [
    '美国国务卿布林肯与日本外相会谈。',
    [
      ['美国', 'LOC'],
      ['布林肯', 'PER'],
      ['日本', 'LOC'],
    ],
  ],
  [
    '前海国际会议中心举办了论坛，阿图维出席。',
    [
      ['前海国际会议中心', 'LOC'],
      ['阿图维', 'PER'],
    ],
  ],
];

function bio(): string {
  return SENTENCES.map(([text, entities]) => {
    const labels = [...text].map(() => 'O');
    for (const [name, type] of entities) {
      const at = text.indexOf(name);
      for (let i = 0; i < name.length; i++) labels[at + i] = `${i === 0 ? 'B' : 'I'}-${type}`;
    }
    return [...text].map((c, i) => `${c} ${labels[i]}\n`).join('');
  }).join('\n');
}

/** the overall row's gold, predicted and right counts */
function overall(stdout: string): [number, number, number] {
  const row = stdout.split('\n').find((l) => l.startsWith('overall'))!;
  const [, gold, predicted, right] = row.trim().split(/\s+/);
  return [Number(gold), Number(predicted), Number(right)];
}

const dir = mkdtempSync(join(tmpdir(), 'zhtext-eval-'));
const gold = join(dir, 'gold.bio');
writeFileSync(gold, bio());

test('eval ner uses the trained model by default; it finds the whole name of a site the rules cut short', () => {
  const predOut = join(dir, 'pred.bio');
  const model = zhtext('eval', 'ner', '--gold', gold, '--pred-out', predOut);
  assert.equal(model.status, 0, model.stderr);
  assert.match(model.stdout, /^sentences: 3$/m);
  assert.deepEqual(overall(model.stdout), [9, 9, 9]);
  const predicted = readFileSync(predOut, 'utf8').split('\n');
  assert.ok(predicted.includes('前 B-LOC') && predicted.includes('心 I-LOC'), 'the predictions are written in BIO');

  const rules = zhtext('eval', 'ner', '--gold', gold, '--recognizer', 'rules');
  assert.equal(rules.status, 0, rules.stderr);
  const [, , right] = overall(rules.stdout);
  assert.equal(right, 8, 'the rules find 前海 alone');
});

test('a recognizer that does not exist is refused with exit 2', () => {
  const run = zhtext('eval', 'ner', '--gold', gold, '--recognizer', 'neural');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--recognizer "neural" is not model or rules/);
});
