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
  /** the rules' other word lists (rule-words.txt) */
  words: RuleWords;
  files: string[];
}

/** The word lists of the recognition rules, from rule-words.txt. */
export interface RuleWords {
  /** a team named in one word by jieba (中国足球队): an organisation, though 球队 alone is none */
  teamEnds: ReadonlySet<string>;
  /** heads that after a place alone name a kind of body, not one (中国公司, 美国军舰) */
  genericHeads: ReadonlySet<string>;
  /** words that open the name of a national or international body (国家|新闻出版署, 中央|电视台) */
  orgOpeners: ReadonlySet<string>;
  /** one-character words for the level of a body, before its name (县|人大, 市|青年志愿者协会, 乡|党委) */
  levelPrefixes: ReadonlySet<string>;
  /** forms of address after a surname alone (李|大娘, 温|先生) */
  formsOfAddress: ReadonlySet<string>;
  /** words before 部长 that make a title, not an organisation (财政部|副|部长, 内务部|代理|部长) */
  titleModifiers: ReadonlySet<string>;
  /** words after which a transliterated word is a place, not a person (在图卢兹, 抵达达沃斯) */
  locatives: ReadonlySet<string>;
  /** words after a transliterated word that make it a modifier of a thing (尤伯杯, 厄尔尼诺现象) */
  thingHeads: ReadonlySet<string>;
  /** words that end a dateline or a report's opening, never part of a name (北京6月25日电|外交部) */
  orgBarriers: ReadonlySet<string>;
  /**  */
  listMarks: ReadonlySet<string>;
  /** words before a name in a byline or a credit (记者 王磊, 作者：张慧敏) */
  byline: ReadonlySet<string>;
  /** direction characters: 东南部, 中部, 西北部 are parts of a place, not organisations */
  directions: ReadonlySet<string>;
  /** a head that ends in 部 after a number is a work (第一部) */
  numeral: ReadonlySet<string>;
  /** what follows a place in a dateline or an address (北京6月25日电, 上海讯) */
  dateline: ReadonlySet<string>;
  /** words for the area around a place, glued to it by jieba and not part of its name */
  placeAreas: ReadonlySet<string>;
  /** common words jieba glues to a place: 荷兰人, 美国政府, 日本国内 */
  placeFollowers: ReadonlySet<string>;
  /** words jieba glues to a person's name: 邓小平理论, 毛泽东思想, 马克思主义, 克林顿政府 */
  personFollowers: ReadonlySet<string>;
  /** one-character country forms read alone when jieba tags them as an abbreviation or a place */
  loneForms: ReadonlySet<string>;
  /** heads of kinds of thing regional to China (京剧, 川菜, 藏医): after a province's form or 中 */
  regionalHeads: ReadonlySet<string>;
  /** what a one-character place form is glued to in one word: 美军, 俄总统, 中医, 京剧, 藏族, 粤菜 */
  formHeads: ReadonlySet<string>;
  /** last characters of Japanese given names (龙太郎, 英机, 正义, 幸之助, 惠三, 纯一郎) (a table by UTF-16 code unit) */
  japaneseGivenEnds: Uint8Array;
  /** 老 and 小 before a surname, in one word: 老于, 小王 (a table by UTF-16 code unit) */
  addressPrefixes: Uint8Array;
  /** suffixes of Chinese administrative places, read inside one unknown word (华西村, 麦禾营镇) (a table by UTF-16 code unit) */
  adminSuffixes: Uint8Array;
  /** first characters of a word that is no place name though it ends in a place suffix (全县, 本村, 该市) (a table by UTF-16 code unit) */
  determiners: Uint8Array;
  /** last characters of the titles that hold an organisation (司法部长, 市委书记, 办公室主任) (a table by UTF-16 code unit) */
  orgTitleEnds: Uint8Array;
  /** verbs of travel and residence before a one-character country form (访华, 驻美, 来华) (a table by UTF-16 code unit) */
  travelVerbs: Uint8Array;
  /** verbs of a stance towards a country, before its one-character form (反华, 侵华, 援华, 亲美) (a table by UTF-16 code unit) */
  stanceVerbs: Uint8Array;
  /** last characters of the place and person followers (a table by UTF-16 code unit) */
  followerEnds: Uint8Array;
}

/** the lists of rule-words.txt: name in the file, field, and whether a set of words or a table of characters */
const RULE_WORD_LISTS: [string, keyof RuleWords, 'set' | 'codes'][] = [
  ['team-ends', 'teamEnds', 'set'],
  ['generic-heads', 'genericHeads', 'set'],
  ['org-openers', 'orgOpeners', 'set'],
  ['level-prefixes', 'levelPrefixes', 'set'],
  ['forms-of-address', 'formsOfAddress', 'set'],
  ['title-modifiers', 'titleModifiers', 'set'],
  ['locatives', 'locatives', 'set'],
  ['thing-heads', 'thingHeads', 'set'],
  ['org-barriers', 'orgBarriers', 'set'],
  ['list-marks', 'listMarks', 'set'],
  ['byline', 'byline', 'set'],
  ['directions', 'directions', 'set'],
  ['numeral', 'numeral', 'set'],
  ['dateline', 'dateline', 'set'],
  ['place-areas', 'placeAreas', 'set'],
  ['place-followers', 'placeFollowers', 'set'],
  ['person-followers', 'personFollowers', 'set'],
  ['lone-forms', 'loneForms', 'set'],
  ['regional-heads', 'regionalHeads', 'set'],
  ['form-heads', 'formHeads', 'set'],
  ['japanese-given-ends', 'japaneseGivenEnds', 'codes'],
  ['address-prefixes', 'addressPrefixes', 'codes'],
  ['admin-suffixes', 'adminSuffixes', 'codes'],
  ['determiners', 'determiners', 'codes'],
  ['org-title-ends', 'orgTitleEnds', 'codes'],
  ['travel-verbs', 'travelVerbs', 'codes'],
  ['stance-verbs', 'stanceVerbs', 'codes'],
];

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
  'rule-words.txt',
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
  const [
    surnameFile,
    translitFile,
    stopFile,
    givenFile,
    titleFile,
    cueFile,
    orgFile,
    placeFile,
    notFile,
    abbreviationFile,
    japaneseFile,
    ambiguousFile,
    wordsFile,
  ] = files as [string, string, string, string, string, string, string, string, string, string, string, string, string];
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
    words: ruleWordsOf(wordsFile, lines(wordsFile)),
    files,
  };
}

/** a membership table by UTF-16 code unit, for tests on every token without string allocation */
export function table(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** the lists of rule-words.txt, each line "name: entries…" (already split on whitespace and normalized) */
function ruleWordsOf(file: string, lines: string[][]): RuleWords {
  const byName = new Map<string, string[]>();
  for (const [head, ...entries] of lines) {
    if (!head!.endsWith(':')) throw new DictionaryError(`${file}: expected "name: entries…", got "${[head, ...entries].join(' ')}"`);
    byName.set(head!.slice(0, -1), entries);
  }
  const words: Partial<Record<keyof RuleWords, ReadonlySet<string> | Uint8Array>> = {};
  for (const [name, field, kind] of RULE_WORD_LISTS) {
    const entries = byName.get(name);
    if (!entries) throw new DictionaryError(`${file}: the list "${name}" is missing`);
    words[field] = kind === 'set' ? new Set(entries) : table(entries.flatMap((e) => [...e]));
  }
  const followers = [...(words.placeFollowers as Set<string>), ...(words.personFollowers as Set<string>)];
  words.followerEnds = table(followers.map((w) => w[w.length - 1]!));
  return words as RuleWords;
}
