// BIO files for named-entity evaluation: one character and its label a line, separated by a space
// (or tab), a blank line between sentences; labels O, B-X, I-X.

export interface BioSentence {
  chars: string[];
  labels: string[];
}

export interface Span {
  type: string;
  start: number;
  /** exclusive, in characters */
  end: number;
}

export function readBio(text: string, source = 'BIO file'): BioSentence[] {
  const sentences: BioSentence[] = [];
  let current: BioSentence = { chars: [], labels: [] };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') {
        if (current.chars.length > 0) sentences.push(current);
        current = { chars: [], labels: [] };
        return;
      }
      const match = /^(\S+)[ \t]+(\S+)\s*$/.exec(line) ?? /^([ \t])[ \t]+(\S+)\s*$/.exec(line);
      if (!match || !/^(O|[BI]-\S+)$/.test(match[2]!)) {
        throw new Error(`${source}:${index + 1}: expected "<character> <label>" with a label O, B-X or I-X, got ${JSON.stringify(line)}`);
      }
      current.chars.push(match[1]!);
      current.labels.push(match[2]!);
    });
  if (current.chars.length > 0) sentences.push(current);
  return sentences;
}

/** entity spans of a label sequence; an I-X that does not continue an X span starts one (as conlleval) */
export function spansOf(labels: string[]): Span[] {
  const spans: Span[] = [];
  let open: Span | undefined;
  labels.forEach((label, i) => {
    const [tag, type] = label === 'O' ? ['O', ''] : [label.slice(0, 1), label.slice(2)];
    if (open && (tag !== 'I' || type !== open.type)) {
      open.end = i;
      spans.push(open);
      open = undefined;
    }
    if (tag === 'B' || (tag === 'I' && !open)) open = { type, start: i, end: i + 1 };
  });
  if (open) {
    open.end = labels.length;
    spans.push(open);
  }
  return spans;
}

/** labels for `length` characters from non-overlapping spans */
export function labelsOf(spans: Span[], length: number): string[] {
  const labels = new Array<string>(length).fill('O');
  for (const s of spans) for (let i = s.start; i < s.end; i++) labels[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  return labels;
}

export function writeBio(sentences: { chars: string[]; labels: string[] }[]): string {
  return sentences.map((s) => s.chars.map((c, i) => `${c} ${s.labels[i]}\n`).join('')).join('\n');
}
