// Progress of a run on standard error: on a terminal, a bar redrawn in place with documents per
// second and the time left; in logs and CI, a plain line every tenth of the files.
export interface Progress {
  update(done: number, total: number): void;
  /** a line of its own, above the bar */
  log(line: string): void;
  /** a warning: like log, but said even when quiet */
  warn(line: string): void;
  done(): void;
}

/** how often the bar is redrawn at most, in milliseconds */
const REDRAW_MS = 100;

export function createProgress(err: NodeJS.WriteStream | NodeJS.WritableStream, quiet: boolean, now: () => number = Date.now): Progress {
  const tty = 'isTTY' in err && err.isTTY === true && !process.env.CI;
  const started = now();
  let lastDecile = -1;
  let lastDraw = 0;
  let drawn = false;
  const rate = (done: number) => done / Math.max((now() - started) / 1000, 0.001);
  return {
    update(done, total) {
      if (quiet) return;
      if (tty) {
        if (now() - lastDraw < REDRAW_MS && done < total) return;
        lastDraw = now();
        const width = 30;
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        const perSecond = rate(done);
        err.write(
          `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${perSecond.toFixed(0)} docs/s  ${duration((total - done) / perSecond)} left`,
        );
        drawn = true;
      } else {
        const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (decile !== lastDecile)
          err.write(`zhtext: ${done}/${total} files, ${rate(done).toFixed(0)} docs/s, ${duration((total - done) / rate(done))} left\n`);
        lastDecile = decile;
      }
    },
    log(line) {
      if (quiet) return;
      if (drawn) err.write('\r\x1b[K');
      err.write(`zhtext: ${line}\n`);
    },
    warn(line) {
      if (drawn) err.write('\r\x1b[K');
      err.write(`zhtext: warning: ${line}\n`);
    },
    done() {
      if (drawn) err.write('\n');
      drawn = false;
    },
  };
}

/** 95 → 1:35; an unknown or endless time → ? */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
