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

export function createScriptConverter(): ScriptConverter {
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
  // per-character answers are reused across documents: the set of Han characters is small
  const charCache = new Map<string, { toSimple: string; traditionalOnly: boolean; simplifiedOnly: boolean }>();

  function charInfo(ch: string) {
    let info = charCache.get(ch);
    if (!info) {
      const toSimple = t2s(ch);
      const toTrad = s2t(ch);
      info = {
        toSimple: toSimple.length === ch.length ? toSimple : ch,
        traditionalOnly: toSimple !== ch,
        simplifiedOnly: toTrad !== ch,
      };
      charCache.set(ch, info);
    }
    return info;
  }

  function toSimplified(text: string): string {
    const converted = t2s(text);
    if (converted.length === text.length) return converted;
    let out = '';
    for (let i = 0; i < text.length; i++) out += HAN.test(text[i]!) ? charInfo(text[i]!).toSimple : text[i]!;
    return out;
  }

  return {
    toSimplified,
    normalize: (text) => toSimplified(normalizeCharacters(text)),
    scriptEvidence(text) {
      let traditional = 0;
      let simplified = 0;
      let han = 0;
      for (const ch of text) {
        if (!HAN.test(ch)) continue;
        han++;
        const info = charInfo(ch);
        if (info.traditionalOnly) traditional++;
        if (info.simplifiedOnly) simplified++;
      }
      return { traditional, simplified, han };
    },
  };
}
