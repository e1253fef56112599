// normalize: detect the document's script and give every block a `norm` form for analysis:
// simplified Chinese, ASCII letters and digits half-width, one middle dot in foreign names, unified
// ideographs for compatibility ones. `norm` keeps the length of `text`,
// so token and mention offsets serve both, and what users see stays in the original script.
import type { ScriptConverter } from '../../resources/script-converter.js';
import type { Doc, Script, Stage } from '../../types.js';

/** Share of script-specific characters at or above which a document counts as one script. */
const DOMINANT_SHARE = 0.9;

export function createNormalizeStage(converter: ScriptConverter): Stage {
  return {
    name: 'normalize',
    run(doc: Doc) {
      let traditional = 0;
      let simplified = 0;
      let han = 0;
      for (const block of doc.blocks) {
        const evidence = converter.scriptEvidence(block.text);
        traditional += evidence.traditional;
        simplified += evidence.simplified;
        han += evidence.han;
        block.norm = converter.toSimplified(normalizeCharacters(block.text));
      }
      doc.script = classifyScript(traditional, simplified, han);
    },
  };
}

/**
 * Han text with no character specific to either script (rare beyond a few words) is read as
 * simplified: it needs no conversion either way.
 */
export function classifyScript(traditional: number, simplified: number, han: number): Script {
  if (han === 0) return 'none';
  const specific = traditional + simplified;
  if (specific === 0) return 'simplified';
  if (traditional / specific >= DOMINANT_SHARE) return 'traditional';
  if (simplified / specific >= DOMINANT_SHARE) return 'simplified';
  return 'mixed';
}

/** Full-width ASCII letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) to their half-width forms; nothing else. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The dots written between the parts of a foreign name (‧ • ・ ･) as the one Xinhua uses, U+00B7. */
export function unifyMiddleDots(text: string): string {
  return text.replace(/[‧•・･]/g, '·');
}

/**
 * CJK compatibility ideographs (U+F900–U+FAFF, e.g. 北 U+F963 in some Taiwanese text) as the unified
 * ideographs they stand for, so 台北 written either way is one name.
 */
export function unifyCompatibilityIdeographs(text: string): string {
  return text.replace(/[\uF900-\uFAFF]/g, (ch) => {
    const unified = ch.normalize('NFC');
    return unified.length === 1 ? unified : ch;
  });
}

/** Character-level normalization, one character for one: width, name dots, compatibility ideographs. */
export function normalizeCharacters(text: string): string {
  return unifyCompatibilityIdeographs(unifyMiddleDots(toHalfWidth(text)));
}
