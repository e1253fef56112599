// Traditional → simplified conversion with opencc-js, built once per process and shared by stages.
// Analysis runs on the simplified form; offsets must map back to the original, so conversion has to
// keep the length. OpenCC's phrase tables almost always do; where a phrase would change the length,
// the block is converted character by character instead.
import * as OpenCC from 'opencc-js';
import { normalizeCharacters } from '../text/characters.js';

export interface ScriptConverter {
  /** simplified form of `text`, always the same length */
  toSimplified(text: string): string;
  /** the form analysis runs on: characters normalized (text/characters.ts), then simplified; same length */
  normalize(text: string): string;
  /** count of characters only traditional script uses, and of those only simplified script uses */
  scriptEvidence(text: string): { traditional: number; simplified: number; han: number };
}

const HAN = /\p{Script=Han}/u;

/** what is known of a code point, in a byte a code point (scriptEvidence reads every character of every block) */
const KNOWN = 1;
const IS_HAN = 2;
const TRADITIONAL_ONLY = 4;
const SIMPLIFIED_ONLY = 8;

export function createScriptConverter(): ScriptConverter {
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
  // per-character answers are reused across documents: the set of Han characters is small. Flags by
  // code point (the BMP and the supplementary ideographic plane, 192 KiB), filled as characters are met.
  const flags = new Uint8Array(0x30000);
  const toSimpleOf = new Map<string, string>();

  function flagsOf(ch: string, cp: number): number {
    let f = cp < flags.length ? flags[cp]! : 0;
    if (f & KNOWN) return f;
    f = KNOWN;
    if (HAN.test(ch)) {
      f |= IS_HAN;
      const toSimple = t2s(ch);
      if (toSimple !== ch) f |= TRADITIONAL_ONLY;
      if (s2t(ch) !== ch) f |= SIMPLIFIED_ONLY;
      toSimpleOf.set(ch, toSimple.length === ch.length ? toSimple : ch);
    }
    if (cp < flags.length) flags[cp] = f;
    return f;
  }

  function toSimplified(text: string): string {
    const converted = t2s(text);
    if (converted.length === text.length) return converted;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      out += flagsOf(ch, ch.charCodeAt(0)) & IS_HAN ? toSimpleOf.get(ch)! : ch;
    }
    return out;
  }

  return {
    toSimplified,
    normalize: (text) => toSimplified(normalizeCharacters(text)),
    scriptEvidence(text) {
      let traditional = 0;
      let simplified = 0;
      let han = 0;
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        const wide = cp > 0xffff;
        const f = flagsOf(wide ? text.slice(i, i + 2) : text[i]!, cp);
        if (wide) i++;
        if (!(f & IS_HAN)) continue;
        han++;
        if (f & TRADITIONAL_ONLY) traditional++;
        if (f & SIMPLIFIED_ONLY) simplified++;
      }
      return { traditional, simplified, han };
    },
  };
}
