// The incremental cache: each document's DocResult on disk, under a key made of the run's fingerprint
// (fingerprint.ts), the file's bytes and the part of its path the stages read (the file name, for
// its date). A rerun over a grown archive computes only the new and changed files.
//
// An entry is one file, <dir>/v<format>/<2 hex>/<key>: a magic number, the SHA-256 of the payload,
// then the payload (the result, V8-serialized: typed arrays stay typed arrays). It is written to a
// temporary name and renamed, so a reader (another worker, another run) sees a whole entry or none;
// an entry whose digest does not match is reported as corrupt and computed again.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocResult } from '../pipeline/doc-result.js';
import type { ReadyInfo } from '../pipeline/process.js';
import { CACHE_FORMAT } from './fingerprint.js';

const MAGIC = Buffer.from('ZHC1');
const HEADER = MAGIC.length + 32;

/** $XDG_CACHE_HOME/zhtext, or ~/.cache/zhtext */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'zhtext');
}

export type CacheRead<T> = { found: T } | { missing: true } | { corrupt: string };

/** The entries of one cache folder; the same object works in any thread (it holds no state but paths). */
export class DocCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = join(dir, `v${CACHE_FORMAT}`);
  }

  /**
   * The key of a file's result: the fingerprint, the bytes, and the file name (its date counts); the
   * folder is left out, so a moved archive keeps its entries. A path with a line break is kept whole,
   * since the message about it quotes it.
   */
  static keyOf(fingerprint: string, path: string, bytes: Uint8Array): string {
    const name = /[\n\r]/.test(path) ? path : basename(path);
    return createHash('sha256').update(`${fingerprint}\0doc\0${name}\0`).update(bytes).digest('hex');
  }

  /** the key of what loading the resources told a run: the same fingerprint and the same places */
  static readyKeyOf(fingerprint: string, places: unknown): string {
    return createHash('sha256')
      .update(`${fingerprint}\0ready\0${JSON.stringify(places)}`)
      .digest('hex');
  }

  /** a result as it was stored; the caller sets its index and path, which are this run's */
  readResult(key: string): CacheRead<DocResult> {
    return this.read<DocResult>(key);
  }

  writeResult(key: string, result: DocResult): void {
    this.write(key, { ...result, index: 0 });
  }

  /** stores a computed result; a failure to write is returned, to be said once: it costs the run nothing else */
  store(key: string, result: DocResult): string | undefined {
    return this.attempt(() => this.writeResult(key, result));
  }

  /** stores what loading the resources told a run; a failure as `store` */
  storeReady(key: string, info: ReadyInfo): string | undefined {
    return this.attempt(() => this.writeReady(key, info));
  }

  private attempt(write: () => void): string | undefined {
    try {
      write();
      return undefined;
    } catch (error) {
      return `cannot write to the cache ${this.dir}: ${(error as Error).message}`;
    }
  }

  readReady(key: string): CacheRead<ReadyInfo> {
    return this.read<ReadyInfo>(key);
  }

  writeReady(key: string, info: ReadyInfo): void {
    this.write(key, info);
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  private read<T>(key: string): CacheRead<T> {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(key));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // no entry, or no folder for it (a cache folder that is not one is reported when writing)
      if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
      return { corrupt: `cannot read the entry: ${(error as Error).message}` };
    }
    if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { corrupt: 'the entry has no valid header' };
    const payload = bytes.subarray(HEADER);
    const digest = createHash('sha256').update(payload).digest();
    if (!digest.equals(bytes.subarray(MAGIC.length, HEADER))) return { corrupt: 'the entry does not match its checksum' };
    try {
      return { found: deserialize(payload) as T };
    } catch (error) {
      return { corrupt: `the entry cannot be read back: ${(error as Error).message}` };
    }
  }

  /** writes an entry whole or not at all: to a name of its own, then renamed over the key */
  private write(key: string, value: unknown): void {
    const path = this.pathOf(key);
    const payload = serialize(value);
    const digest = createHash('sha256').update(payload).digest();
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([MAGIC, digest, payload]));
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}
