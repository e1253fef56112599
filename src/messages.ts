// One catalogue of the coded messages zhtext gives about input. A code is stable (scripts match on it);
// the reason is for people and names the problem. Severity 'fatal' stops that document only.
import type { Doc, Message, Severity } from './types.js';

export const MESSAGE_CODES = {
  'read-failed': { severity: 'fatal', help: 'the file could not be read' },
  'file-too-large': { severity: 'fatal', help: 'the file is larger than any post (over 2 MB): it is not read' },
  'binary-file': { severity: 'fatal', help: 'the file holds binary data (NUL bytes or an image/archive signature), not text' },
  'utf8-invalid': { severity: 'fatal', help: 'the file is not valid UTF-8, nor UTF-16 with a byte-order mark, nor (as detected) GB18030, GBK or Big5' },
  'encoding-bom': { severity: 'info', help: 'the file was read as UTF-16, as its byte-order mark says' },
  'encoding-detected': { severity: 'warning', help: 'the file is not UTF-8: it was read in the legacy encoding detected (GB18030, which holds GBK, or Big5)' },
  'front-matter-invalid': { severity: 'fatal', help: 'the YAML front matter cannot be parsed' },
  'body-empty': { severity: 'fatal', help: 'no title and no article text is left after extraction' },
  'html-too-deep': { severity: 'warning', help: 'the HTML nests elements deeper than zhtext walks (200): the text below that depth was kept, read as one run' },
  'title-only': { severity: 'warning', help: 'no article text is left after extraction: the title is counted as the text' },
  'date-missing': { severity: 'warning', help: 'no date in front matter, HTML or file name: the document has no day' },
  'date-invalid': { severity: 'warning', help: 'the date cannot be read as a real calendar date and time: the document has no day' },
  'date-mismatch': { severity: 'warning', help: 'the date in the file is more than a day from the date in its name: the date in the file was used' },
  'date-from-filename': { severity: 'info', help: 'the date was taken from the file name' },
  'path-newline': { severity: 'warning', help: 'the file name holds a line break' },
  'duplicate-file': { severity: 'info', help: 'the same bytes were read from another path already' },
  excluded: { severity: 'info', help: 'left out by --from/--to, --outlet or --script' },
  'near-copy': { severity: 'info', help: 'a near-copy of an earlier document (a syndicated story), counted once with --dedupe' },
  'not-a-post': { severity: 'info', help: 'a file in an input folder that is not a post type was left out' },
  'stage-failed': { severity: 'fatal', help: 'an internal error in a stage; please report it' },
  'doc-timeout': {
    severity: 'fatal',
    help: 'processing the document took longer than --doc-timeout allows: it was stopped (not cached; a later run tries again)',
  },
  'worker-crashed': {
    severity: 'fatal',
    help: 'the worker process processing the document died (out of memory, or a crash), and died again when it was tried once more (not cached)',
  },
  'queue-job-failed': { severity: 'fatal', help: 'with --queue: no worker could finish the document (it stalled or failed on every attempt)' },
  'cache-entry-corrupt': { severity: 'info', help: 'the cached result of the file was damaged: it was computed again and stored anew' },
  'csv-truncated': { severity: 'warning', help: 'a CSV table holds more rows than Excel opens: the CSV keeps the first, the Parquet file all' },
} as const satisfies Record<string, { severity: Severity; help: string }>;

export type MessageCode = keyof typeof MESSAGE_CODES;

export function addMessage(doc: Doc, code: MessageCode, reason: string, place?: string): Message {
  const message: Message = { code, severity: MESSAGE_CODES[code].severity, reason };
  if (place !== undefined) message.place = place;
  doc.messages.push(message);
  return message;
}
