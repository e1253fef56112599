// Bytes → text. Archives hold stray images, PDFs and files saved in legacy encodings; reading those as
// UTF-8 would feed mojibake to every later stage, so they are refused here with a precise code.

export type DecodeResult = { ok: true; text: string } | { ok: false; code: 'binary-file' | 'utf8-invalid'; reason: string };

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

// fatal: true makes the decoder throw instead of silently inserting U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(bytes: Uint8Array): DecodeResult {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) {
      return { ok: false, code: 'binary-file', reason: `the file starts with the signature of a ${sig.name}` };
    }
  }
  // No text format we read allows NUL; UTF-16 files are full of them too.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, code: 'binary-file', reason: `the file holds a NUL byte at offset ${nul}` };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, code: 'utf8-invalid', reason: `the file is not valid UTF-8 (first bad byte at offset ${at})` };
  }
  // TextDecoder already drops one leading BOM; a second one (files concatenated or re-saved) goes too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // One line-ending convention so every later regular expression can split on \n.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text };
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
