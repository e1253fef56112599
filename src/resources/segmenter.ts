// The jieba segmenter (nodejieba). nodejieba keeps one dictionary per process in native code, so
// the segmenter is built once per process and injected into the segment stage; building a second
// one with a different dictionary in the same process would silently change the first, and is
// refused instead.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../files.js';

const require = createRequire(import.meta.url);

interface NodeJieba {
  load(options: { userDict?: string }): void;
  tag(text: string): { word: string; tag: string }[];
}

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

// What the native library in this process was loaded with (the one piece of process state:
// it mirrors nodejieba's own).
let loadedSignature: string | undefined;

export function createSegmenter(config: SegmenterConfig): Segmenter {
  const jieba = require('nodejieba') as NodeJieba;
  const signature = JSON.stringify(config);
  if (loadedSignature !== undefined && loadedSignature !== signature) {
    throw new Error('nodejieba already holds a different dictionary in this process; build one segmenter per process');
  }
  if (loadedSignature === undefined) {
    // cppjieba reads several user dictionaries from one path list separated by '|'
    const userDicts = [...config.userDicts, ...(config.words.length > 0 ? [writeWordList(config.words)] : [])];
    jieba.load(userDicts.length > 0 ? { userDict: userDicts.join('|') } : {});
    loadedSignature = signature;
  }
  return {
    tag: (text) => jieba.tag(text),
    wordCount: config.words.length,
  };
}

/** the words as a jieba user dictionary in the temporary folder, named by its content */
function writeWordList(words: SegmenterConfig['words']): string {
  const content = words.map(({ word, tag }) => `${word} ${ALIAS_FREQUENCY} ${tag}\n`).join('');
  const path = join(tmpdir(), 'zhtext', `aliases-${createHash('sha256').update(content).digest('hex').slice(0, 16)}.dict.txt`);
  if (!existsSync(path)) writeFileAtomic(path, content);
  return path;
}
