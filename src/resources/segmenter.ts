// The jieba segmenter (nodejieba). nodejieba keeps its dictionary in native state, one per Node
// environment (the process, or each worker thread): it is not an object a caller can make two of.
// `processSegmenter` is therefore the one way to it, and says so in its name: the first call in an
// environment loads the dictionary; a later call with the same configuration gets the same segmenter;
// a call with another configuration is refused, since loading it would silently change the segmenter
// every earlier caller holds. What was loaded is recorded on the library itself, beside the native
// state it describes, not in this module.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface NodeJieba {
  load(options: { userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  tag(text: string): { word: string; tag: string }[];
  /** the signature of the configuration this environment's dictionary was loaded with */
  [LOADED]?: string;
}

const LOADED = Symbol.for('zhtext.segmenter.loaded');

/**
 * Frequency given to entity aliases. nodejieba's insertWord gives a word the dictionary's median
 * weight, which is lower than many names already have (联合国 then loses to 联合|国等), so aliases
 * are loaded from a generated user dictionary with a frequency among jieba's common words instead.
 */
export const ALIAS_FREQUENCY = 50000;

export interface SegmenterConfig {
  /** jieba user dictionary files (word [freq] [tag] a line) */
  userDicts: string[];
  /** words that must come out whole, with their part of speech (entity aliases) */
  words: { word: string; tag: string }[];
}

export interface TaggedWord {
  word: string;
  tag: string;
}

export interface Segmenter {
  tag(text: string): TaggedWord[];
  readonly wordCount: number;
}

/** The segmenter of this process (or worker thread), loaded with `config` on first use. */
export function processSegmenter(config: SegmenterConfig): Segmenter {
  const jieba = require('nodejieba') as NodeJieba;
  const signature = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  if (jieba[LOADED] !== undefined && jieba[LOADED] !== signature) {
    throw new Error('nodejieba already holds a different dictionary in this process: one segmenter configuration per process (or worker thread)');
  }
  if (jieba[LOADED] === undefined) {
    loadDictionaries(jieba, config);
    jieba[LOADED] = signature;
  }
  return { tag: (text) => jieba.tag(text), wordCount: config.words.length };
}

/**
 * Loads the user dictionaries and the words, written as one more user dictionary into a folder of
 * this call's own (so two runs at once never share a file) and removed once jieba has read it.
 * zhtext only tags: the keyword extractor's IDF table and stop words, which nodejieba loads with the
 * dictionary by default, are given as one-line files instead (about 0.3 s and 20 MB less a thread).
 */
function loadDictionaries(jieba: NodeJieba, config: SegmenterConfig): void {
  const folder = mkdtempSync(join(tmpdir(), `zhtext-segmenter-${process.pid}-`));
  try {
    const userDicts = [...config.userDicts];
    if (config.words.length > 0) {
      const wordList = join(folder, 'words.dict.txt');
      writeFileSync(wordList, config.words.map(({ word, tag }) => `${word} ${ALIAS_FREQUENCY} ${tag}\n`).join(''));
      userDicts.push(wordList);
    }
    const idfDict = join(folder, 'idf.utf8');
    const stopWordDict = join(folder, 'stop_words.utf8');
    writeFileSync(idfDict, '的 1.0\n');
    writeFileSync(stopWordDict, '的\n');
    // cppjieba reads several user dictionaries from one path list separated by '|'
    jieba.load({ ...(userDicts.length > 0 ? { userDict: userDicts.join('|') } : {}), idfDict, stopWordDict });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
