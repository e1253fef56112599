// The tables of the recognition rules (dictionaries/names/): surnames, transliteration characters,
// titles, cue words, organisation and place suffixes, and words that are no names. Read once per
// process with the knowledge base; every entry is normalized (simplified, half-width) like the text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError } from '../errors.js';

export type OrgSuffixKind = 'strong' | 'named' | 'alone';

export interface NameLexicon {
  /** surname (one or two characters) → true when it is also a common ordinary word and needs a cue */
  surnames: Map<string, boolean>;
  /** first characters (UTF-16 code units) of the surnames: a quick test before the lookups */
  surnameFirst: Uint8Array;
  /** characters (a table by UTF-16 code unit: 1 for a member) used to transliterate foreign names */
  transliteration: Uint8Array;
  /** characters (a table by UTF-16 code unit: 1 for a member) that rarely stand in a Chinese given name */
  givenNameStop: Uint8Array;
  /** characters (a table by UTF-16 code unit) common in Chinese given names: enough, in an unknown word, to read it as a name */
  givenNames: Uint8Array;
  /** titles and offices written before a name */
  titles: Set<string>;
  /** last characters (a table by UTF-16 code unit: 1 for a member) of the titles: a quick test before the lookups */
  titleEnds: Uint8Array;
  /** words written right after a name (说, 表示, 先生 …) */
  personCues: Set<string>;
  /**
   * organisation suffix → 'strong' (any noun modifier will do), 'named' (needs a proper-name part)
   * or 'alone' (the word by itself names an organisation: 市委, 国会)
   */
  orgSuffixes: Map<string, OrgSuffixKind>;
  /** organisation suffixes, longest first */
  orgSuffixList: string[];
  /** last characters (a table by UTF-16 code unit: 1 for a member) of the organisation suffixes */
  orgSuffixEnds: Uint8Array;
  placeSuffixes: Set<string>;
  /** last characters of the place suffixes (a table by UTF-16 code unit) */
  placeSuffixEnds: Uint8Array;
  /** place suffixes, longest first */
  placeSuffixList: string[];
  /** bare names of bodies that many countries have (国会, 外交部): tagged, but given no entity id */
  ambiguousBodies: Set<string>;
  /** Japanese family names (桥本, 佐佐木), read as people with a cue or a given name run on */
  japaneseSurnames: Set<string>;
  /** one-character forms of Chinese provinces and cities (京 → 北京): character → a knowledge-base alias */
  placeAbbreviations: Map<string, string>;
  /** ordinary words the rules must not read as names */
  notNames: Set<string>;
  files: string[];
}

export const NAME_FILES = [
  'surnames.txt',
  'transliteration.txt',
  'given-name-stop.txt',
  'given-names.txt',
  'titles.txt',
  'person-cues.txt',
  'org-suffixes.txt',
  'place-suffixes.txt',
  'not-names.txt',
  'place-abbreviations.txt',
  'japanese-surnames.txt',
  'ambiguous-bodies.txt',
];

/** the tables in `dir` (dictionaries/names), or undefined when the folder is missing */
export function loadNameLexicon(dir: string, normalize: (s: string) => string): NameLexicon | undefined {
  if (!existsSync(dir)) return undefined;
  const files = NAME_FILES.map((f) => join(dir, f));
  const lines = (file: string): string[][] => {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      throw new DictionaryError(`${file}: ${(error as Error).message}`);
    }
    return content
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/).map(normalize));
  };
  const [surnameFile, translitFile, stopFile, givenFile, titleFile, cueFile, orgFile, placeFile, notFile, abbreviationFile, japaneseFile, ambiguousFile] =
    files as [string, string, string, string, string, string, string, string, string, string, string, string];
  const chars = (file: string) => table(lines(file).flatMap((cells) => cells.flatMap((c) => [...c])));
  const words = (file: string) => new Set(lines(file).map((cells) => cells[0]!));
  const surnames = new Map<string, boolean>();
  for (const [surname, mark] of lines(surnameFile)) {
    if (surname!.length > 2) throw new DictionaryError(`${surnameFile}: surname "${surname}" is longer than two characters`);
    // two lines may name one surname after normalization (於 and 于): weak if either says so
    surnames.set(surname!, surnames.get(surname!) === true || mark === '*');
  }
  const orgSuffixes = new Map<string, OrgSuffixKind>();
  for (const [suffix, kind] of lines(orgFile)) {
    if (kind !== 'strong' && kind !== 'named' && kind !== 'alone')
      throw new DictionaryError(`${orgFile}: suffix "${suffix}" needs "strong", "named" or "alone", got "${kind ?? ''}"`);
    orgSuffixes.set(suffix!, kind);
  }
  const placeAbbreviations = new Map<string, string>();
  for (const [ch, name] of lines(abbreviationFile)) {
    if (ch!.length !== 1 || !name) throw new DictionaryError(`${abbreviationFile}: expected one character and a place name, got "${ch} ${name ?? ''}"`);
    placeAbbreviations.set(ch!, name);
  }
  const placeSuffixes = words(placeFile);
  const titles = words(titleFile);
  const lastChars = (xs: Iterable<string>) => table([...xs].map((w) => w[w.length - 1]!));
  const longestFirst = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return {
    surnames,
    surnameFirst: table([...surnames.keys()].map((w) => w[0]!)),
    transliteration: chars(translitFile),
    givenNameStop: chars(stopFile),
    givenNames: chars(givenFile),
    titles,
    titleEnds: lastChars(titles),
    personCues: words(cueFile),
    orgSuffixes,
    orgSuffixList: longestFirst(orgSuffixes.keys()),
    orgSuffixEnds: lastChars(orgSuffixes.keys()),
    placeSuffixes,
    placeSuffixEnds: lastChars(placeSuffixes),
    placeSuffixList: longestFirst(placeSuffixes),
    notNames: words(notFile),
    placeAbbreviations,
    japaneseSurnames: words(japaneseFile),
    ambiguousBodies: words(ambiguousFile),
    files,
  };
}

/** a membership table by UTF-16 code unit, for tests on every token without string allocation */
export function table(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
