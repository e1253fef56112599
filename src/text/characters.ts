// Character-level normalization, one character for one, so that a normalized text has the length of
// its original and offsets serve both: ASCII letters and digits half-width, one middle dot in foreign
// names, unified ideographs for compatibility ones. Script conversion (resources/script-converter.ts)
// comes on top of this; the normalize stage, the knowledge base and the dictionaries all use it.

/**
 * The dots written between the parts of a foreign name: · (U+00B7, the one Xinhua uses and the one
 * normalization keeps), ‧ • ・ ･. Normalized text holds only the first.
 */
export const MIDDLE_DOTS: ReadonlySet<string> = new Set(['·', '‧', '•', '・', '･']);
export const MIDDLE_DOT = '·';
const OTHER_MIDDLE_DOTS = new RegExp(`[${[...MIDDLE_DOTS].filter((d) => d !== MIDDLE_DOT).join('')}]`, 'g');

/** Full-width ASCII letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) to their half-width forms; nothing else. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Every middle dot of MIDDLE_DOTS as the one Xinhua uses, U+00B7. */
export function unifyMiddleDots(text: string): string {
  return text.replace(OTHER_MIDDLE_DOTS, MIDDLE_DOT);
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
