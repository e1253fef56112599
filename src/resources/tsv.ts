// A small reader for the project's tab-separated dictionaries: a header line naming the columns,
// then one record a line; blank lines and lines starting with '#' are skipped.
import { readFileSync } from 'node:fs';
import { DictionaryError } from '../errors.js';

export type TsvRecord = Record<string, string>;

export function readTsv(path: string, required: string[]): TsvRecord[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DictionaryError(`${path}: ${(error as Error).message}`);
  }
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  if (headerIndex < 0) return [];
  const header = lines[headerIndex]!.split('\t').map((h) => h.trim());
  for (const column of required) {
    if (!header.includes(column)) throw new DictionaryError(`${path}: the header has no column "${column}"`);
  }
  const records: TsvRecord[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    const record: TsvRecord = {};
    for (const [c, column] of header.entries()) record[column] = (cells[c] ?? '').trim();
    for (const column of required) {
      if (record[column] === '' && column !== 'aliases') throw new DictionaryError(`${path}:${i + 1}: empty "${column}"`);
    }
    records.push(record);
  }
  return records;
}

export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
