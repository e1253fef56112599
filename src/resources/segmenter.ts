// The jieba segmenter (nodejieba). nodejieba keeps one dictionary per process in native code, so
// the segmenter is built once per process and injected into the segment stage; building a second
// one with a different dictionary in the same process would silently change the first, and is
// refused instead.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface NodeJieba {
  load(options: { userDict?: string }): void;
  tag(text: string): { word: string; tag: string }[];
  insertWord(word: string, tag?: string): boolean;
}

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
    jieba.load(config.userDicts.length > 0 ? { userDict: config.userDicts.join('|') } : {});
    for (const { word, tag } of config.words) jieba.insertWord(word, tag);
    loadedSignature = signature;
  }
  return {
    tag: (text) => jieba.tag(text),
    wordCount: config.words.length,
  };
}
