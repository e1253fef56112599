// Bytes → text. Archives hold stray images and PDFs, refused here with a precise code, and, in older
// Chinese-language archives, posts saved in UTF-16 or in the legacy encodings GBK, GB18030 and Big5.
// A byte-order mark says UTF-16 for certain; bytes that are not UTF-8 are given to chardet, and read
// as GB18030 (which holds GBK and GB2312) or Big5 when that is its first guess, with a message naming
// the encoding assumed. Anything else is refused rather than read as mojibake.
import chardet from 'chardet';

/** how a file that is not plain UTF-8 was read, said in a message */
export interface EncodingNote {
  code: 'encoding-bom' | 'encoding-detected';
  reason: string;
}

export type DecodeResult = { ok: true; text: string; note?: EncodingNote } | { ok: false; code: 'binary-file' | 'utf8-invalid'; reason: string };

/** byte-order marks of UTF-16 (a UTF-8 one is dropped after decoding) */
const UTF16_BOMS: { encoding: 'utf-16le' | 'utf-16be'; name: string; bytes: [number, number] }[] = [
  { encoding: 'utf-16le', name: 'UTF-16LE', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', name: 'UTF-16BE', bytes: [0xfe, 0xff] },
];

/** chardet's names of the legacy encodings read, and the WHATWG decoders for them */
const LEGACY: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5' };
/** chardet's confidence (0–100) needed before a legacy encoding is assumed */
const MIN_CONFIDENCE = 50;

/** Magic numbers of the binary formats an archive most often holds by mistake. */
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] }, // "GIF8" (GIF87a / GIF89a)
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty ZIP
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
];

export function decodeSource(bytes: Uint8Array): DecodeResult {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) {
      return { ok: false, code: 'binary-file', reason: `the file starts with the signature of a ${sig.name}` };
    }
  }
  for (const bom of UTF16_BOMS) {
    if (bytes[0] === bom.bytes[0] && bytes[1] === bom.bytes[1]) {
      const text = strictDecode(bom.encoding, bytes.subarray(2));
      if (text === undefined)
        return { ok: false, code: 'utf8-invalid', reason: `the file starts with the byte-order mark of ${bom.name} but is not valid ${bom.name}` };
      return { ok: true, text: tidy(text), note: { code: 'encoding-bom', reason: `read as ${bom.name}, as its byte-order mark says` } };
    }
  }
  // No text format we read allows NUL (UTF-16 without a byte-order mark is not read).
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, code: 'binary-file', reason: `the file holds a NUL byte at offset ${nul}` };
  }
  const text = strictDecode('utf-8', bytes);
  if (text !== undefined) return { ok: true, text: tidy(text) };
  const at = firstInvalidUtf8(bytes);
  const guess = chardet.analyse(bytes)[0];
  const decoder = guess && guess.confidence >= MIN_CONFIDENCE ? LEGACY[guess.name] : undefined;
  const legacy = decoder === undefined ? undefined : strictDecode(decoder, bytes);
  if (legacy !== undefined) {
    return {
      ok: true,
      text: tidy(legacy),
      note: {
        code: 'encoding-detected',
        reason: `the file is not UTF-8 (a bad byte at offset ${at}): read as ${guess!.name}, detected with confidence ${guess!.confidence}%`,
      },
    };
  }
  const likeliest = guess ? `; the likeliest encoding, ${guess.name} (confidence ${guess.confidence}%), is not one zhtext reads` : '';
  return { ok: false, code: 'utf8-invalid', reason: `the file is not valid UTF-8 (first bad byte at offset ${at}), nor GB18030, GBK or Big5${likeliest}` };
}

/** the text, or undefined when the bytes are not valid in the encoding (no silent U+FFFD) */
function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function tidy(decoded: string): string {
  let text = decoded;
  // TextDecoder already drops one leading BOM; a second one (files concatenated or re-saved) goes too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // One line-ending convention so every later regular expression can split on \n.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** Byte offset of the first byte that breaks UTF-8, for the message (only computed on failure). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return i;
}
