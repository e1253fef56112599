// Heavy resources, built once per process and injected into the stages: the script converter, the
// knowledge base, the segmenter (fed every alias), the stop words and the outlet table. Nothing here
// is kept between calls but the segmenter, which is the process's own (resources/segmenter.ts):
// loadResources may be called again in the same process only with the same dictionaries.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DictionaryError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { type KnowledgeBase, loadKnowledgeBase, segmenterWords } from '../resources/knowledge-base.js';
import { loadOutletTable, type OutletTable } from '../resources/outlets.js';
import { createScriptConverter, type ScriptConverter } from '../resources/script-converter.js';
import { processSegmenter, type Segmenter } from '../resources/segmenter.js';
import { modelRecognizer } from '../stages/entities/model/recognizer.js';
import { SequenceModel } from '../stages/entities/model/sequence-model.js';
import type { Recognizer } from '../stages/entities/recognizer.js';
import { RULES_BEFORE_MODEL, rulesRecognizer } from '../stages/entities/rules.js';
import type { RecognizerKind } from '../types.js';

/** the entity model's file in the dictionary folder (written by npm run train:ner) */
export const ENTITY_MODEL_FILE = join('ner', 'model.bin');

export interface ResourceOptions {
  /** folder holding entities/, jieba/, names/, outlets.tsv and the stop words; defaults to the package's dictionaries/ */
  dictionaryDir?: string;
  /** user entity files (same format as dictionaries/entities/*.tsv) that extend or override the base */
  entityFiles?: readonly string[];
  /** absent: the model when the dictionary folder holds one (ner/model.bin), else the rules */
  recognizer?: RecognizerKind;
}

export interface Resources {
  converter: ScriptConverter;
  kb: KnowledgeBase;
  /** the segmenter of this process (or worker thread): one dictionary per process */
  segmenter: Segmenter;
  /** Chinese stop words in simplified form, English ones in lower case */
  stopwords: ReadonlySet<string>;
  outlets: OutletTable;
  /** recognition beyond the knowledge base, in the order it runs; none when the dictionary folder has no names/ tables */
  recognizers: Recognizer[];
  /** every dictionary file read, for run.json */
  dictionaryFiles: string[];
}

export function defaultDictionaryDir(): string {
  return join(packageRoot(), 'dictionaries');
}

/** Chinese stop words, then English ones (written from natural's list by scripts/english-stopwords.mjs) */
const STOPWORD_FILES = ['stopwords.txt', 'stopwords-en.txt'];

export function loadResources(options: ResourceOptions = {}): Resources {
  const dictionaryDir = resolve(options.dictionaryDir ?? defaultDictionaryDir());
  const present = (...parts: string[]) => [join(dictionaryDir, ...parts)].filter((f) => existsSync(f));
  const converter = createScriptConverter();
  const kb = loadKnowledgeBase(dictionaryDir, converter, [...(options.entityFiles ?? [])]);
  const userDicts = present('jieba', 'user.dict.txt');
  const segmenter = processSegmenter({ userDicts, words: segmenterWords(kb) });
  const stopwordFiles = STOPWORD_FILES.flatMap((f) => present(f));
  const stopwords = readStopwords(stopwordFiles, converter.normalize);
  const outlets = loadOutletTable(present('outlets.tsv'), converter);
  const modelFile = join(dictionaryDir, ENTITY_MODEL_FILE);
  const { recognizers, files: modelFiles } = recognizersOf(kb, options.recognizer ?? (existsSync(modelFile) ? 'model' : 'rules'), modelFile);
  return {
    converter,
    kb,
    segmenter,
    stopwords,
    outlets,
    recognizers,
    dictionaryFiles: [...kb.files, ...userDicts, ...stopwordFiles, ...outlets.files, ...modelFiles],
  };
}

function readStopwords(files: string[], normalize: (s: string) => string): Set<string> {
  const words = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const word = line.replace(/#.*/, '').trim();
      if (word) words.add(normalize(word).toLowerCase());
    }
  }
  return words;
}

/** the recognizers of `kind`, in the order they run, and the model file when one is read */
function recognizersOf(kb: KnowledgeBase, kind: RecognizerKind, modelFile: string): { recognizers: Recognizer[]; files: string[] } {
  if (!kb.names) return { recognizers: [], files: [] };
  if (kind === 'rules') return { recognizers: [rulesRecognizer(kb, kb.names)], files: [] };
  let model: SequenceModel;
  try {
    model = SequenceModel.load(modelFile);
  } catch (error) {
    throw new DictionaryError(`${modelFile}: cannot read the entity model (${(error as Error).message}); npm run train:ner writes it`);
  }
  return { recognizers: [rulesRecognizer(kb, kb.names, new Set(RULES_BEFORE_MODEL)), modelRecognizer(kb, kb.names, model)], files: [modelFile] };
}
