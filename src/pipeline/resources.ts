// Heavy resources, built once per process and injected into the stages: the script converter, the
// knowledge base, the segmenter (fed every alias), the stop words and the outlet table. Nothing here
// is kept between calls but the segmenter, which is the process's own (resources/segmenter.ts):
// loadResources may be called again in the same process only with the same dictionaries.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';
import { type KnowledgeBase, loadKnowledgeBase, segmenterWords } from '../resources/knowledge-base.js';
import { loadOutletTable, type OutletTable } from '../resources/outlets.js';
import { createScriptConverter, type ScriptConverter } from '../resources/script-converter.js';
import { processSegmenter, type Segmenter } from '../resources/segmenter.js';

export interface ResourceOptions {
  /** folder holding entities/, jieba/, names/, outlets.tsv and the stop words; defaults to the package's dictionaries/ */
  dictionaryDir?: string;
  /** user entity files (same format as dictionaries/entities/*.tsv) that extend or override the base */
  entityFiles?: readonly string[];
}

export interface Resources {
  converter: ScriptConverter;
  kb: KnowledgeBase;
  /** the segmenter of this process (or worker thread): one dictionary per process */
  segmenter: Segmenter;
  /** Chinese stop words in simplified form, English ones in lower case */
  stopwords: ReadonlySet<string>;
  outlets: OutletTable;
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
  return {
    converter,
    kb,
    segmenter,
    stopwords,
    outlets,
    dictionaryFiles: [...kb.files, ...userDicts, ...stopwordFiles, ...outlets.files],
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
