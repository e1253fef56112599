// Trains the entity model from labelled news (../shared/ner-train; see dictionaries/README.md) and
// writes dictionaries/ner/model.bin. Fixed settings and seed: the same data gives the same file.
//   npm run train:ner -- [--data <folder>] [--out <file>] [--epochs N] [--corpora msra,pd98,cluener]
//                        [--no-harmonize] [--min-count N] [--seed N] [--update perceptron|pa] [--C x]
// Model selection (the number of epochs) uses a slice of the training data held apart, never the
// People's Daily development split.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BioSentence, readBio, spansOf, writeBio } from '../src/eval/bio.js';
import { createSentenceTagger } from '../src/eval/ner.js';
import { scoreSpans } from '../src/eval/score.js';
import { loadResources } from '../src/pipeline/resources.js';
import { FEATURES_PER_CHAR, featuresOf, featureTablesOf } from '../src/stages/entities/model/features.js';
import { LABEL_COUNT, LABELS, SequenceModel, spansOfLabels } from '../src/stages/entities/model/sequence-model.js';
import { wordsOf } from '../src/stages/segment/index.js';
import { HashCounter } from './ner/hash-counter.js';
import { type Example, PerceptronTrainer, seededRandom, shuffle } from './ner/perceptron.js';

const CORPORA: Record<string, string[]> = {
  msra: ['msra/train.txt'],
  pd98: ['peoples-daily-199801/train.txt'],
  cluener: ['cluener2020/train.txt', 'cluener2020/dev.txt'],
};

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/ner-train' },
    out: { type: 'string', default: 'dictionaries/ner/model.bin' },
    epochs: { type: 'string', default: '16' },
    corpora: { type: 'string', default: 'msra' },
    'no-harmonize': { type: 'boolean', default: false },
    'min-count': { type: 'string', default: '2' },
    seed: { type: 'string', default: '20261201' },
    holdout: { type: 'string', default: '0.05' },
    'held-out-bio': { type: 'string' },
    update: { type: 'string', default: 'pa' },
    C: { type: 'string', default: '1' },
  },
});
const maxEpochs = Number(values.epochs);
const minCount = Number(values['min-count']);
const seed = Number(values.seed);
const corpora = values.corpora!.split(',');
const harmonize = !values['no-harmonize'];
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// (the trainer recognizes nothing: the rules are loaded only because they need no model file)
const resources = loadResources({ recognizer: 'rules' });
const { kb, converter, segmenter } = resources;
if (!kb.names) throw new Error('dictionaries/names is missing: the model reads its tables');
const tables = featureTablesOf(kb, kb.names);
// the knowledge base and compounds alone, no recognition: to bring every corpus to one convention
const knowledgeBaseOnly = createSentenceTagger(resources, []);

interface Sentence {
  corpus: string;
  text: string;
  labels: Uint8Array;
  /** as the corpus writes it */
  source: string;
  sourceLabels: string[];
}

const labelIndex = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const sentences: Sentence[] = [];
let relabelled = 0;
for (const corpus of corpora) {
  const files = CORPORA[corpus];
  if (!files) throw new Error(`unknown corpus ${corpus}: one of ${Object.keys(CORPORA).join(', ')}`);
  for (const file of files) {
    const path = join(values.data!, file);
    for (const s of readBio(readFileSync(path, 'utf8'), path)) {
      const sentence = sentenceOf(corpus, s);
      if (harmonize && corpus !== 'msra') relabelled += harmonizeCountries(sentence);
      sentences.push(sentence);
    }
  }
}
console.log(`read ${sentences.length} sentences from ${corpora.join(', ')}; ${relabelled} country mentions labelled as MSRA labels them (${elapsed()})`);

/** the sentence normalized as the pipeline reads text, a label a UTF-16 code unit */
function sentenceOf(corpus: string, s: BioSentence): Sentence {
  const labels: number[] = [];
  s.chars.forEach((c, i) => {
    const label = s.labels[i]!;
    const index = labelIndex.get(label);
    if (index === undefined) throw new Error(`unexpected label ${label}`);
    labels.push(index);
    // the second unit of a character outside the BMP continues it
    for (let k = 1; k < c.length; k++) labels.push(index === 0 ? 0 : label.startsWith('B-') ? index + 1 : index);
  });
  const source = s.chars.join('');
  return { corpus, text: converter.normalize(source), labels: Uint8Array.from(labels), source, sourceLabels: s.labels };
}

/**
 * People's Daily leaves one-character country forms unlabelled (中美, 访华), and CLUENER bare country
 * names (美国); MSRA labels both as places, as the news annotation this tool is measured by does.
 * Where the knowledge base finds a country that the sentence leaves wholly unlabelled, label it so.
 */
function harmonizeCountries(sentence: Sentence): number {
  let count = 0;
  const B_LOC = labelIndex.get('B-LOC')!;
  for (const m of knowledgeBaseOnly(sentence.text)) {
    if (m.type !== 'GPE') continue;
    let free = true;
    for (let i = m.start; i < m.end; i++) if (sentence.labels[i] !== 0) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) sentence.labels[i] = i === m.start ? B_LOC : B_LOC + 1;
    count++;
  }
  return count;
}

// the held-apart slice: a share of MSRA's sentences, whose convention the measures follow, drawn
// from MSRA alone so that it is the same slice whatever other corpora are added
const random = seededRandom(seed);
const msraOrder = shuffle(
  sentences.flatMap((s, i) => (s.corpus === 'msra' ? [i] : [])),
  random,
);
const heldOutCount = Math.round(msraOrder.length * Number(values.holdout));
const heldOut = new Set<number>(msraOrder.slice(0, heldOutCount));

// the held-apart slice as a BIO file, to measure the whole pipeline on it (zhtext eval ner)
if (values['held-out-bio']) {
  const bio = [...heldOut]
    .sort((a, b) => a - b)
    .map((i) => ({ chars: [...sentences[i]!.source], labels: sentences[i]!.sourceLabels }));
  writeFileSync(values['held-out-bio'], writeBio(bio));
}

// features of every sentence, as hashes
const hashed = sentences.map((s) => featuresOf(tables, s.text, wordsOf(segmenter, s.text)).slice(0, s.text.length * FEATURES_PER_CHAR));
console.log(`features of ${sentences.reduce((n, s) => n + s.text.length, 0)} characters (${elapsed()})`);

// keep the features seen at least minCount times in training, numbered in order of first sight
const counts = new HashCounter(1 << 26);
sentences.forEach((_, i) => {
  if (heldOut.has(i)) return;
  for (const h of hashed[i]!) if (h !== 0) counts.add(h);
});
const ids = new HashCounter(1 << 25);
const keys: number[] = [];
sentences.forEach((_, i) => {
  if (heldOut.has(i)) return;
  for (const h of hashed[i]!) {
    if (h === 0 || counts.get(h) < minCount || ids.get(h) > 0) continue;
    keys.push(h);
    ids.set(h, keys.length);
  }
});
console.log(`${counts.size} distinct features, ${keys.length} seen ${minCount} times or more (${elapsed()})`);

const examples: Example[] = sentences.map((s, i) => {
  const features = new Int32Array(hashed[i]!.length);
  hashed[i]!.forEach((h, k) => {
    features[k] = h === 0 ? -1 : ids.get(h) - 1;
  });
  return { features, labels: s.labels };
});
hashed.length = 0;
const trainIndex = [...msraOrder.slice(heldOutCount), ...sentences.flatMap((s, i) => (s.corpus === 'msra' ? [] : [i]))];
const heldOutIndex = [...heldOut].sort((a, b) => a - b);

if (values.update !== 'perceptron' && values.update !== 'pa') throw new Error(`--update is perceptron or pa, not ${values.update}`);
const trainer = new PerceptronTrainer(keys.length, FEATURES_PER_CHAR, { update: values.update, C: Number(values.C) });
let best: { f1: number; epoch: number; weights: Float64Array; transitions: Float64Array } = { f1: -1, epoch: 0, weights: new Float64Array(0), transitions: new Float64Array(0) };
for (let epoch = 1; epoch <= maxEpochs; epoch++) {
  let wrong = 0;
  for (const i of shuffle(trainIndex, random)) if (trainer.learn(examples[i]!)) wrong++;
  const { weights, transitions } = trainer.averaged();
  const gold = heldOutIndex.map((i) => spansOf([...examples[i]!.labels].map((y) => LABELS[y]!)));
  const predicted = heldOutIndex.map((i) => spansOfLabels(trainer.decode(examples[i]!, weights, transitions)));
  const { overall, byType } = scoreSpans(gold, predicted);
  const figures = byType.map((s) => `${s.type} ${(s.f1 * 100).toFixed(1)}`).join(', ');
  console.log(
    `epoch ${epoch}: ${wrong} of ${trainIndex.length} sentences wrong; held apart F1 ${(overall.f1 * 100).toFixed(2)} (${figures}) (${elapsed()})`,
  );
  if (overall.f1 > best.f1) best = { f1: overall.f1, epoch, weights, transitions };
  // stop when three epochs in a row did not beat the best
  if (epoch - best.epoch >= 3) break;
}

// drop the features whose weights all round to zero at 16 bits
let max = 0;
for (const w of best.weights) max = Math.max(max, Math.abs(w));
const step = max / 32767;
// most frequent first (the model keeps the most frequent in a small table of their own), then by key
const kept = keys
  .map((key, f) => ({ key, f, seen: counts.get(key) }))
  .filter(({ f }) => best.weights.subarray(f * LABEL_COUNT, (f + 1) * LABEL_COUNT).some((w) => Math.abs(w) >= step / 2))
  .sort((a, b) => b.seen - a.seen || a.key - b.key);
const keptKeys = kept.map(({ key }) => key);
const keptWeights = new Float32Array(kept.length * LABEL_COUNT);
kept.forEach(({ f }, row) => keptWeights.set(best.weights.subarray(f * LABEL_COUNT, (f + 1) * LABEL_COUNT), row * LABEL_COUNT));
const model = SequenceModel.quantize(Uint32Array.from(keptKeys), keptWeights, Float32Array.from(best.transitions), {
  corpora,
  harmonized: harmonize,
  epochs: best.epoch,
  seed,
  minCount,
  ...(values.update === 'pa' ? { update: 'pa', C: Number(values.C) } : {}),
  heldOutF1: Number(best.f1.toFixed(4)),
});
const out = resolve(values.out!);
mkdirSync(dirname(out), { recursive: true });
const bytes = model.serialize();
writeFileSync(out, bytes);
console.log(
  `best held-apart F1 ${(best.f1 * 100).toFixed(2)} after ${best.epoch} epochs; ${keptKeys.length} features kept; ${out}: ${(bytes.length / 1e6).toFixed(1)} MB (${elapsed()})`,
);
