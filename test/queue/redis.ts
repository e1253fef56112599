// A real redis-server for the queue tests (Debian's redis-server package: `apt-get install
// redis-server`; .ci/run installs it), on 127.0.0.1 at a free port, with its append-only file on so
// that a restart keeps the queue; and `zhtext worker` processes, started and stopped as a user would.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const REDIS_SERVER = process.env.ZHTEXT_REDIS_SERVER ?? '/usr/bin/redis-server';

/** a port nothing listens on, as the system hands one out */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** waits until `seen()` holds, checking every 50 ms, or fails after `ms` saying what it waited for */
export async function until(seen: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!seen()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class RedisServer {
  private process: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'zhtext-redis-'));
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(port?: number): Promise<RedisServer> {
    if (!existsSync(REDIS_SERVER)) throw new Error(`no redis-server at ${REDIS_SERVER}: apt-get install redis-server (or set ZHTEXT_REDIS_SERVER)`);
    const server = new RedisServer(port ?? (await freePort()));
    await server.run();
    return server;
  }

  /** starts the server (again, with the data it kept) and waits until it takes connections */
  async run(): Promise<void> {
    let out = '';
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (d) => {
      out += d;
    });
    this.process = child;
    await until(() => out.includes('Ready to accept connections'), 10_000, `redis-server on port ${this.port}\n${out}`);
  }

  /** stops the server as a restart would (SIGTERM: it writes its append-only file and exits) */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `zhtext worker` in a process of its own; its standard error as it comes */
export class WorkerProcess {
  err = '';
  readonly process: ChildProcess;
  constructor(args: string[], env: Record<string, string> = {}) {
    this.process = spawn(process.execPath, ['bin/zhtext.js', 'worker', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true', ...env },
    });
    this.process.stderr!.on('data', (d) => {
      this.err += d;
    });
  }

  static async start(url: string, more: string[] = [], env: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = new WorkerProcess(['--queue', url, '--concurrency', '1', '--stall-seconds', '2', '--no-cache', ...more], env);
    await until(() => worker.err.includes('waiting for documents'), 20_000, `a worker to listen\n${worker.err}`);
    return worker;
  }

  /** stops it as Ctrl-C would, and waits for it to finish the documents in hand */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return this.process.exitCode;
    const exited = new Promise<number | null>((r) => this.process.once('exit', (code) => r(code)));
    this.process.kill(signal);
    return exited;
  }
}
