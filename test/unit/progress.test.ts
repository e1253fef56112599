// Progress: plain lines every tenth of the files with the rate and the time left; a bar on a terminal.
import assert from 'node:assert/strict';
import test from 'node:test';
import { createProgress, duration } from '../../src/progress.js';

function sink(isTTY: boolean) {
  const lines: string[] = [];
  return { isTTY, lines, write: (s: string) => lines.push(s) !== 0 } as unknown as NodeJS.WriteStream & { lines: string[] };
}

test('durations read as m:ss or h:mm:ss; an unknown one as ?', () => {
  assert.equal(duration(95), '1:35');
  assert.equal(duration(3725), '1:02:05');
  assert.equal(duration(0.4), '0:00');
  assert.equal(duration(Number.POSITIVE_INFINITY), '?');
});

test('in logs, a line every tenth of the files, with documents per second and the time left', () => {
  const err = sink(false);
  let now = 0;
  const progress = createProgress(err, false, () => now);
  for (let done = 1; done <= 100; done++) {
    now = done * 100; // 10 documents a second
    progress.update(done, 100);
  }
  assert.equal(err.lines.length, 11, 'at 1, 10, 20 … 100');
  assert.equal(err.lines[5], 'zhtext: 50/100 files, 10 docs/s, 0:05 left\n');
  assert.equal(err.lines.at(-1), 'zhtext: 100/100 files, 10 docs/s, 0:00 left\n');
});

test('quiet says nothing', () => {
  const err = sink(false);
  const progress = createProgress(err, true);
  progress.update(1, 1);
  progress.log('x');
  assert.deepEqual(err.lines, []);
});
