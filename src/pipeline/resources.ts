// Heavy resources, built once per process and injected into the stages: the script converter,
// the knowledge base, the segmenter (fed every alias) and the stop words.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';
import { loadKnowledgeBase, segmenterWords, type KnowledgeBase } from '../resources/knowledge-base.js';
import { createScriptConverter, type ScriptConverter } from '../resources/script-converter.js';
import { createSegmenter, type Segmenter } from '../resources/segmenter.js';
import { normalizeCharacters } from '../stages/normalize/index.js';

export interface ResourceOptions {
  /** folder holding entities/, jieba/ and stopwords.txt; defaults to the package's dictionaries/ */
  dictionaryDir?: string;
  /** user entity files (same format as dictionaries/entities/*.tsv) that extend or override the base */
  entityFiles?: string[];
}

export interface Resources {
  converter: ScriptConverter;
  kb: KnowledgeBase;
  segmenter: Segmenter;
  stopwords: ReadonlySet<string>;
  /** every dictionary file read, for run.json */
  dictionaryFiles: string[];
}

export function defaultDictionaryDir(): string {
  return join(packageRoot(), 'dictionaries');
}

export function loadResources(options: ResourceOptions = {}): Resources {
  const dictionaryDir = resolve(options.dictionaryDir ?? defaultDictionaryDir());
  const converter = createScriptConverter();
  const kb = loadKnowledgeBase(dictionaryDir, converter, options.entityFiles ?? []);
  const userDict = join(dictionaryDir, 'jieba', 'user.dict.txt');
  const userDicts = existsSync(userDict) ? [userDict] : [];
  const segmenter = createSegmenter({ userDicts, words: segmenterWords(kb) });
  const stopwordFile = join(dictionaryDir, 'stopwords.txt');
  const stopwords = existsSync(stopwordFile) ? readStopwords(stopwordFile, (s) => converter.toSimplified(normalizeCharacters(s))) : new Set<string>();
  return {
    converter,
    kb,
    segmenter,
    stopwords,
    dictionaryFiles: [...kb.files, ...userDicts, ...(existsSync(stopwordFile) ? [stopwordFile] : [])],
  };
}

function readStopwords(path: string, normalize: (s: string) => string): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const word = line.replace(/#.*/, '').trim();
    if (word) words.add(normalize(word).toLowerCase());
  }
  return words;
}
