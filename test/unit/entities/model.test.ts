// The entity model: decoding under BIO's rule, the model file, training on a small hand-made case,
// and the trained model of dictionaries/ner inside the pipeline.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createSentenceTagger } from '../../../src/eval/ner.js';
import { loadResources } from '../../../src/pipeline/resources.js';
import { denseRowsOf, FEATURES_PER_CHAR, featuresOf, featureTablesOf } from '../../../src/stages/entities/model/features.js';
import { NgramScores } from '../../../src/stages/entities/model/ngram-scores.js';
import { LABEL_COUNT, LABELS, SequenceModel, spansOfLabels, viterbi } from '../../../src/stages/entities/model/sequence-model.js';
import { WordScores } from '../../../src/stages/entities/model/word-scores.js';
import { wordsOf } from '../../../src/stages/segment/index.js';
import { type Example, PerceptronTrainer } from '../../../tools/ner/perceptron.js';
import { ROOT } from '../../helpers.js';

const L = LABEL_COUNT;
const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);

test('viterbi never puts I-X after O or after another type, even when the scores prefer it', () => {
  // three characters whose own scores say O, I-PER, I-ORG
  const emissions = new Float32Array(3 * L);
  emissions[0 * L + label('O')] = 5;
  emissions[1 * L + label('I-PER')] = 5;
  emissions[2 * L + label('I-ORG')] = 5;
  const labels = [...viterbi(emissions, new Float32Array((L + 1) * L), 3)].map((y) => LABELS[y]);
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]!.startsWith('I-')) continue;
    assert.ok(i > 0 && labels[i - 1] !== 'O' && labels[i - 1]!.slice(2) === labels[i]!.slice(2), `${labels.join(' ')} breaks BIO at ${i}`);
  }
});

test('spans of labels: B-X and its I-X make one span; a new B- starts another', () => {
  const labels = Uint8Array.from(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'B-ORG'].map(label));
  assert.deepEqual(spansOfLabels(labels), [
    { type: 'PER', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'LOC', start: 4, end: 6 },
    { type: 'ORG', start: 6, end: 7 },
  ]);
});

test('the averaged perceptron learns a pattern from a hand-made set and tags a sentence it has not seen', () => {
  // one feature a character: the character itself (ids 0..3); 甲 starts a person, 乙 continues one,
  // 丙 is a place, 丁 is nothing
  const ids: Record<string, number> = { 甲: 0, 乙: 1, 丙: 2, 丁: 3 };
  const example = (text: string, labels: string[]): Example => ({
    features: Int32Array.from([...text].map((c) => ids[c]!)),
    labels: Uint8Array.from(labels.map(label)),
  });
  const training = [
    example('甲乙丁', ['B-PER', 'I-PER', 'O']),
    example('丁丙丁', ['O', 'B-LOC', 'O']),
    example('丙丁甲乙乙', ['B-LOC', 'O', 'B-PER', 'I-PER', 'I-PER']),
  ];
  const trainer = new PerceptronTrainer(4, 1);
  for (let epoch = 0; epoch < 10; epoch++) for (const e of training) trainer.learn(e);
  const { weights, transitions } = trainer.averaged();
  for (const e of training) assert.deepEqual([...trainer.decode(e, weights, transitions)], [...e.labels]);
  const unseen = example('丁甲乙丁丙', ['O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
  assert.deepEqual([...trainer.decode(unseen, weights, transitions)], [...unseen.labels]);
});

test('a passive-aggressive step is the smallest that puts the gold labels ahead by their errors, and PA learns the same pattern', () => {
  const ids: Record<string, number> = { 甲: 0, 乙: 1, 丙: 2, 丁: 3 };
  const example = (text: string, labels: string[]): Example => ({
    features: Int32Array.from([...text].map((c) => ids[c]!)),
    labels: Uint8Array.from(labels.map(label)),
  });
  // all scores 0: the first step predicts O O O for B-PER I-PER O: 2 errors, margin 0; Δφ has four
  // feature entries of ±1 and transitions +1 START→B-PER, +1 B-PER→I-PER, +1 I-PER→O, −1 START→O,
  // −2 O→O: ‖Δφ‖² = 4 + 8 = 12, so τ = 2 / 12
  const first = example('甲乙丁', ['B-PER', 'I-PER', 'O']);
  const pa = new PerceptronTrainer(4, 1, { update: 'pa', C: 1 });
  assert.equal(pa.learn(first), true);
  assert.equal(pa.weights[0 * L + label('B-PER')], 2 / 12);
  assert.equal(pa.weights[0 * L + label('O')], -2 / 12);
  assert.equal(pa.transitions[label('O') * L + label('O')], (-2 * 2) / 12);
  // a cap below the step limits it
  const capped = new PerceptronTrainer(4, 1, { update: 'pa', C: 0.1 });
  capped.learn(first);
  assert.equal(capped.weights[0 * L + label('B-PER')], 0.1);
  // and on the hand-made set it learns what the perceptron learns
  const training = [first, example('丁丙丁', ['O', 'B-LOC', 'O']), example('丙丁甲乙乙', ['B-LOC', 'O', 'B-PER', 'I-PER', 'I-PER'])];
  for (let epoch = 0; epoch < 10; epoch++) for (const e of training) pa.learn(e);
  const { weights, transitions } = pa.averaged();
  const unseen = example('丁甲乙丁丙', ['O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
  for (const e of [...training, unseen]) assert.deepEqual([...pa.decode(e, weights, transitions)], [...e.labels]);
});

test('a model written and read back decodes as before, to the same bytes', () => {
  const keys = Uint32Array.from([11, 22, 33]);
  const weights = new Float32Array(3 * L);
  weights[0 * L + label('B-PER')] = 2.5;
  weights[1 * L + label('I-PER')] = 3;
  weights[2 * L + label('O')] = 1.25;
  const transitions = new Float32Array((L + 1) * L);
  transitions[label('B-PER') * L + label('I-PER')] = 0.5;
  const model = SequenceModel.quantize(keys, weights, transitions, { note: 'hand-made' });
  const features = new Int32Array(3 * FEATURES_PER_CHAR);
  features[0] = 11;
  features[FEATURES_PER_CHAR] = 22;
  features[2 * FEATURES_PER_CHAR] = 33;
  const bytes = model.serialize();
  const read = SequenceModel.parse(bytes);
  assert.deepEqual(
    [...read.decode(features, 3)].map((y) => LABELS[y]),
    ['B-PER', 'I-PER', 'O'],
  );
  assert.deepEqual([...read.decode(features, 3)], [...model.decode(features, 3)]);
  assert.equal(read.info.note, 'hand-made');
  assert.ok(read.serialize().equals(bytes));
  assert.throws(() => SequenceModel.parse(Buffer.from('not a model')), /incorrect header|not a zhtext entity model/);
});

const resources = loadResources({ recognizer: 'model' });

test('features are the same for the same text, and the knowledge base shows in them', () => {
  const tables = featureTablesOf(resources.kb, resources.kb.names!);
  const text = '美国总统拜登访问日本';
  const words = wordsOf(resources.segmenter, text);
  const a = featuresOf(tables, text, words);
  const b = featuresOf(tables, text, words);
  assert.deepEqual([...a], [...b]);
  assert.equal(a.length, text.length * FEATURES_PER_CHAR);
  // the gazetteer slot of 美 differs from that of the same character where no alias holds it
  const other = '美丽的风景';
  const c = featuresOf(tables, other, wordsOf(resources.segmenter, other));
  assert.notEqual(a[23], c[23]);
});

test('the tagger (word templates a word type at a time, n-grams an n-gram at a time, small templates from dense tables) gives exactly the scores of every feature hashed, whatever its cache holds', () => {
  const tables = featureTablesOf(resources.kb, resources.kb.names!);
  const model = SequenceModel.load(join(ROOT, 'dictionaries', 'ner', 'model.bin'));
  const dense = denseRowsOf((key) => model.row(key), model.weights, L);
  // titles before names and cue words after them, words seen twice, a space between words
  const texts = [
    '外交部长王毅说，美国国务卿蓬佩奥表示，记者黄志远报道。',
    '外交部长王毅说 中国外交部发言人华春莹表示，王毅将访问日本。',
    '新华社北京10月15日电',
  ];
  // a cache let go after every few words, and one that keeps them all
  const scorers = [new WordScores(tables, model, 400), new WordScores(tables, model)];
  const ngrams = new NgramScores(model);
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      const words = wordsOf(resources.segmenter, text);
      const n = text.length;
      const expected = model.scoresOf(featuresOf(tables, text, words), n, new Int32Array(n * L));
      for (const scorer of scorers) {
        const scores = new Int32Array(n * L);
        scorer.addTo(scores, words);
        ngrams.addTo(text, scores);
        model.scoresOf(featuresOf(tables, text, words, { dense }), n, scores, dense.rows);
        assert.deepEqual([...scores], [...expected], text);
      }
    }
  }
  // the word and n-gram templates carry weight: without them the scores differ
  const text = texts[0]!;
  const words = wordsOf(resources.segmenter, text);
  const without = model.scoresOf(featuresOf(tables, text, words, { dense }), text.length, new Int32Array(text.length * L), dense.rows);
  const all = model.scoresOf(featuresOf(tables, text, words), text.length, new Int32Array(text.length * L));
  assert.notDeepEqual([...without], [...all]);
});

test('the trained model finds names the knowledge base does not hold, and links the ones it does', () => {
  const tag = createSentenceTagger(resources);
  // names no knowledge-base file holds (checked first), and two it does
  for (const name of ['黄志远', '中国青年志愿者协会']) assert.equal(resources.kb.aliases.get(name), undefined);
  const mentions = tag('新华社记者黄志远报道，美国国务卿布林肯与日本外相会谈，中国青年志愿者协会今天在京成立。');
  const found = (surface: string) => mentions.find((m) => m.surface === surface);
  assert.equal(found('黄志远')?.type, 'PERSON');
  assert.equal(found('黄志远')?.source, 'model');
  assert.equal(found('黄志远')?.entity, 'per~黄志远');
  assert.equal(found('黄志远')?.title, '记者');
  assert.equal(found('布林肯')?.entity, 'per:antony_blinken');
  assert.equal(found('日本')?.entity, 'JP');
  assert.equal(found('中国青年志愿者协会')?.entity, 'org~中国青年志愿者协会');
  // 京 is Beijing's one-character form: the knowledge base's Beijing
  assert.equal(found('京')?.entity, resources.kb.aliases.get('北京'));
});

test("known mentions stay beside the model: a person's name takes in a country form, never a known person", () => {
  const tag = createSentenceTagger(resources);
  const read = (text: string) => tag(text).map((m) => `${m.surface}:${m.entity}`);
  // 英 inside a name is no United Kingdom
  assert.deepEqual(read('本报记者卢晓英报道，'), ['卢晓英:per~卢晓英']);
  // a known person and a known place side by side are never one new name
  assert.deepEqual(read('习近平深圳考察时强调'), ['习近平:per:xi_jinping', '深圳:loc:shenzhen']);
  // compounds of country forms are the knowledge base's, each country at its own character
  assert.deepEqual(read('中美关系和中俄合作'), ['中:CN', '美:US', '中:CN', '俄:RU']);
  // a place and a known organisation read as one name are that organisation, and the place stays
  assert.deepEqual(read('美国白宫发言人表示'), ['美国:US', '美国白宫:org:white_house']);
});

test('eval ner uses the model unless told otherwise, and the rules with --recognizer rules', () => {
  const model = loadResources({ recognizer: 'model' });
  const rules = loadResources({ recognizer: 'rules' });
  assert.equal(model.recognizers.at(-1)?.name, 'model');
  assert.deepEqual(
    rules.recognizers.map((r) => r.name),
    ['rules'],
  );
  assert.equal(loadResources().recognizers.at(-1)?.name, 'model');
  assert.ok(model.dictionaryFiles.some((f) => f.endsWith('model.bin')));
});

test('a block longer than TAG_PIECE is labelled a run of whole sentences at a time: every name in it is found, as in the short block', async () => {
  const { createPipeline } = await import('../../../src/pipeline/pipeline.js');
  const { TAG_PIECE } = await import('../../../src/stages/entities/model/recognizer.js');
  const pipeline = createPipeline({ tzOffsetMinutes: 480, unit: { kind: 'sentence' } }, resources);
  const sentence = '美国总统特朗普星期二在白宫对记者表示，他将继续推动贸易谈判。';
  const post = (times: number) => Buffer.from(`---\ntitle: 标题\ndate: 2020-10-14\n---\n\n${sentence.repeat(times)}\n`);
  const people = (times: number) => {
    const doc = pipeline.process({ path: 'long.md', bytes: post(times) });
    return doc.mentions.filter((m) => m.entity === 'per:donald_trump').length;
  };
  const times = Math.ceil((TAG_PIECE * 3) / sentence.length);
  assert.equal(people(1), 1);
  assert.equal(people(times), times);
});
