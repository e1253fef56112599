// Mutated posts through the whole command line: thousands of files made from the project's own
// fixtures by a seeded generator (the same seed, the same files), each damaged a different way:
// bytes flipped, cut, doubled or dropped, NULs and invalid UTF-8, front matter unbalanced, tags left
// open, markup nested or escaped, a byte-order mark, a long unpunctuated run. The run must end (no
// crash, no hang), and every file must be accounted for: a row in documents.csv, ok or failed, and a
// failed one with its reason in messages.csv, and none by an internal error (stage-failed). CI runs
// ZHTEXT_FUZZ_FILES files (default 300) of seed ZHTEXT_FUZZ_SEED; ZHTEXT_FUZZ_KEEP=1 keeps the folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seededRandom } from '../../tools/ner/perceptron.js';
import { ROOT, readCsv, zhtext } from '../helpers.js';

const FILES = Number(process.env.ZHTEXT_FUZZ_FILES ?? 300);
const SEED = Number(process.env.ZHTEXT_FUZZ_SEED ?? 20261202);

type Mutation = (bytes: Buffer, random: () => number) => Buffer;
const at = (bytes: Buffer, random: () => number) => Math.floor(random() * (bytes.length + 1));
const text = (s: string) => Buffer.from(s, 'utf8');

/** ways to damage a post, each keeping most of it */
const MUTATIONS: [string, Mutation][] = [
  [
    'flip bytes',
    (b, r) => {
      const out = Buffer.from(b);
      for (let k = 0; k < 1 + Math.floor(r() * 8); k++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
      return out;
    },
  ],
  ['cut short', (b, r) => b.subarray(0, at(b, r))],
  [
    'drop a slice',
    (b, r) => {
      const from = at(b, r);
      return Buffer.concat([b.subarray(0, from), b.subarray(Math.min(b.length, from + Math.floor(r() * 200)))]);
    },
  ],
  [
    'double a slice',
    (b, r) => {
      const from = at(b, r);
      const slice = b.subarray(from, from + Math.floor(r() * 400));
      return Buffer.concat([b.subarray(0, from), slice, slice, b.subarray(from)]);
    },
  ],
  [
    'insert a NUL',
    (b, r) => {
      const i = at(b, r);
      return Buffer.concat([b.subarray(0, i), Buffer.from([0]), b.subarray(i)]);
    },
  ],
  [
    'insert invalid UTF-8',
    (b, r) => {
      const i = at(b, r);
      return Buffer.concat([b.subarray(0, i), Buffer.from([0xc3, 0x28, 0xff, 0xe4, 0xb8]), b.subarray(i)]);
    },
  ],
  [
    'unbalance the front matter',
    (b) =>
      text(
        b
          .toString('utf8')
          .replace(/^---\n/, '---\n---\n')
          .replace(/\n---\n/, '\n'),
      ),
  ],
  ['front matter as a list', (b) => text(b.toString('utf8').replace(/^---\n[\s\S]*?\n---\n/, '---\n- a\n- b: [1, 2\n---\n'))],
  ['leave tags open', (b) => text(b.toString('utf8').replace(/<\/(p|div|span|a)>/g, ''))],
  [
    'nest deeply',
    (b, r) => {
      const depth = 100 + Math.floor(r() * 3000);
      return text(`${'<div>'.repeat(depth)}${b.toString('utf8')}${'</div>'.repeat(Math.floor(r() * depth))}`);
    },
  ],
  ['escape the markup', (b) => text(b.toString('utf8').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))],
  ['prepend a byte-order mark', (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])],
  [
    'a long unpunctuated run',
    (b, r) => {
      const i = at(b, r);
      return Buffer.concat([b.subarray(0, i), text('美国总统特朗普表示'.repeat(500 + Math.floor(r() * 3000))), b.subarray(i)]);
    },
  ],
  ['empty', () => Buffer.alloc(0)],
  ['only markup', () => text('<div><span></span><img src="x.png"><br></div>')],
  ['a date that cannot be', (b) => text(b.toString('utf8').replace(/date: [^\n]*/, 'date: 2020-13-45 25:61:00'))],
];

test(`${FILES} mutated posts (seed ${SEED}): the run ends, and every file is in documents.csv, a failed one with its reason in messages.csv`, {
  timeout: 600_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-fuzz-'));
  try {
    const sources = readdirSync(join(ROOT, 'test', 'fixtures', 'posts')).map((f) => readFileSync(join(ROOT, 'test', 'fixtures', 'posts', f)));
    const random = seededRandom(SEED);
    const posts = join(dir, 'posts');
    mkdirSync(posts);
    const used = new Map<string, number>();
    for (let k = 0; k < FILES; k++) {
      const source = sources[Math.floor(random() * sources.length)]!;
      const [name, mutate] = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!;
      // one mutation, sometimes two
      let bytes = mutate(source, random);
      if (random() < 0.3) bytes = MUTATIONS[Math.floor(random() * MUTATIONS.length)]![1](bytes, random);
      used.set(name, (used.get(name) ?? 0) + 1);
      const extension = random() < 0.2 ? 'html' : 'md';
      writeFileSync(join(posts, `2020-10-${String(1 + (k % 28)).padStart(2, '0')}-fuzz-${String(k).padStart(5, '0')}.${extension}`), bytes);
    }
    assert.equal(used.size, MUTATIONS.length, 'every mutation was used');
    const out = join(dir, 'out');
    const run = zhtext('analyze', posts, '--out', out, '--by', 'day', '--no-cache', '--quiet');
    // 0 or 1 (some documents failed); never a stopped run (3), a crash or a signal
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}\n${run.stderr.slice(-2000)}`);
    const documents = readCsv(join(out, 'documents.csv'));
    assert.equal(documents.length, FILES);
    const names = new Set(documents.map((d) => d.path!.split('/').at(-1)));
    assert.equal(names.size, FILES);
    const messages = readCsv(join(out, 'messages.csv'));
    const failedWithReason = new Set(messages.filter((m) => m.severity === 'fatal' && m.reason !== '').map((m) => m.path));
    const failed = documents.filter((d) => d.status === 'failed');
    for (const d of failed) assert.ok(failedWithReason.has(d.path), `${d.path} failed with no reason`);
    // each failed for a reason of the input, never an internal error (stage-failed is a bug)
    const internal = messages.filter((m) => m.code === 'stage-failed');
    assert.deepEqual(internal, [], internal.map((m) => `${m.path}: ${m.reason}`).join('\n'));
    assert.ok(failed.length > 0 && failed.length < FILES, `${failed.length} of ${FILES} failed`);
    for (const d of documents) assert.ok(['ok', 'warning', 'failed', 'duplicate'].includes(d.status!), d.status);
  } finally {
    if (!process.env.ZHTEXT_FUZZ_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
});
