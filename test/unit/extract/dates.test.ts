import assert from 'node:assert/strict';
import test from 'node:test';
import { OptionsError } from '../../../src/options.js';
import { formatInZone, parseDate } from '../../../src/stages/extract/dates.js';
import { createExtractStage } from '../../../src/stages/extract/index.js';
import { codes, extract } from './make-doc.js';

const post = (date: string): string => `---\ntitle: 标题\ndate: ${date}\n---\n\n正文。\n`;

test('23:00Z lands on the next calendar day at UTC+8 (the seed post)', () => {
  const doc = extract(post('2022-02-03T23:00:00.000Z'));
  assert.equal(doc.meta.date, '2022-02-04T07:00:00+08:00');
  assert.equal(doc.meta.day, '2022-02-04');
  assert.deepEqual(codes(doc), []);
});

test('the same instant is the previous day in UTC and in UTC-5', () => {
  assert.deepEqual(parseDate('2022-02-03T23:00:00.000Z', 0), { ok: true, date: '2022-02-03T23:00:00+00:00', day: '2022-02-03' });
  assert.deepEqual(parseDate('2022-02-03T23:00:00.000Z', -300), { ok: true, date: '2022-02-03T18:00:00-05:00', day: '2022-02-03' });
});

test('an explicit offset is honoured (rthk-agora form with nanoseconds)', () => {
  assert.deepEqual(parseDate('2020-03-31 00:20:48 +08:00', 480), { ok: true, date: '2020-03-31T00:20:48+08:00', day: '2020-03-31' });
  assert.deepEqual(parseDate('2020-03-31 22:12:50.000000000 +08:00', 480), { ok: true, date: '2020-03-31T22:12:50+08:00', day: '2020-03-31' });
  // +02:00 evening is already the next morning in UTC+8
  assert.deepEqual(parseDate('2020-03-31T22:30:00+02:00', 480), { ok: true, date: '2020-04-01T04:30:00+08:00', day: '2020-04-01' });
  assert.deepEqual(parseDate('2020-03-31T22:30:00-0330', 480), { ok: true, date: '2020-04-01T10:00:00+08:00', day: '2020-04-01' });
});

test('a date or time without an offset is wall-clock time in the analysis zone', () => {
  assert.deepEqual(parseDate('2020-10-14T23:30:00', 480), { ok: true, date: '2020-10-14T23:30:00+08:00', day: '2020-10-14' });
  assert.deepEqual(parseDate('2020-10-14', 480), { ok: true, date: '2020-10-14T00:00:00+08:00', day: '2020-10-14' });
  assert.deepEqual(parseDate('2020-10-14 08:05', -90), { ok: true, date: '2020-10-14T08:05:00-01:30', day: '2020-10-14' });
});

test('milliseconds are dropped, not rounded', () => {
  assert.deepEqual(parseDate('2020-12-31T15:59:59.999Z', 480), { ok: true, date: '2020-12-31T23:59:59+08:00', day: '2020-12-31' });
});

test('impossible dates are rejected field by field, without Date.parse leniency', () => {
  for (const bad of [
    '2020-02-30',
    '2019-02-29',
    '2020-13-01',
    '2020-00-10',
    '2020-04-31',
    '2020-10-14 25:00',
    '2020-10-14T12:60:00Z',
    '2020-10-14T12:00:61',
    'yesterday',
    '14/10/2020',
  ]) {
    const r = parseDate(bad, 480);
    assert.equal(r.ok, false, bad);
  }
  assert.equal(parseDate('2020-02-29', 480).ok, true, 'leap day of a leap year');
});

test('an impossible front matter date is a date-invalid warning and the document has no day', () => {
  const doc = extract(post('2020-02-30 10:00:00 +08:00'));
  assert.deepEqual(codes(doc), ['date-invalid']);
  assert.equal(doc.messages[0]!.severity, 'warning');
  assert.match(doc.messages[0]!.reason, /day 30/);
  assert.equal(doc.meta.day, undefined);
  assert.equal(doc.meta.date, undefined);
  assert.equal(doc.blocks.length, 2, 'the text is still extracted');
});

test('without a front matter date, the HTML published time is used', () => {
  const html = '<html><head><title>标题</title><meta property="article:published_time" content="2020-10-14T17:31:24Z"></head><body><p>正文。</p></body></html>';
  const doc = extract(html, 'a/page.html');
  assert.equal(doc.meta.date, '2020-10-15T01:31:24+08:00');
  assert.equal(doc.meta.day, '2020-10-15');
  assert.deepEqual(codes(doc), []);
});

test('a <time datetime> is the next fallback', () => {
  const doc = extract('<div><time datetime="2020-10-14">两天前</time><p>正文。</p></div>', 'a/page.html');
  assert.equal(doc.meta.day, '2020-10-14');
});

test('then the YYYY-MM-DD at the start of the file name, with an info message', () => {
  const doc = extract('---\ntitle: 标题\n---\n\n正文。\n', 'posts/2020-03-31-RTHK-标题.md');
  assert.equal(doc.meta.day, '2020-03-31');
  assert.equal(doc.meta.date, '2020-03-31T00:00:00+08:00');
  assert.deepEqual(codes(doc), ['date-from-filename']);
  assert.equal(doc.messages[0]!.severity, 'info');
});

test('no date anywhere is a date-missing warning', () => {
  const doc = extract('---\ntitle: 标题\n---\n\n正文。\n', 'posts/untitled.md');
  assert.deepEqual(codes(doc), ['date-missing']);
  assert.equal(doc.meta.day, undefined);
});

test('an impossible date in the file name is date-invalid, not date-missing', () => {
  const doc = extract('纯文本标题\n\n正文。\n', 'posts/2020-02-30-note.txt');
  assert.deepEqual(codes(doc), ['date-invalid']);
});

test('formatInZone writes the zone offset with sign, hours and minutes', () => {
  assert.equal(formatInZone(0, 0).date, '1970-01-01T00:00:00+00:00');
  assert.equal(formatInZone(0, 330).date, '1970-01-01T05:30:00+05:30');
  assert.equal(formatInZone(0, -480).date, '1969-12-31T16:00:00-08:00');
});

test('the stage refuses an analysis offset that is not a real zone offset', () => {
  // the same check, code and message as the command line's --tz
  for (const tzOffsetMinutes of [24 * 60, 7.5, 15 * 60]) {
    assert.throws(
      () => createExtractStage({ tzOffsetMinutes }),
      (e: unknown) => e instanceof OptionsError && e.code === 'OPTION_INVALID_TIME_ZONE' && e.message.includes(`"${tzOffsetMinutes}"`),
    );
  }
  assert.doesNotThrow(() => createExtractStage({ tzOffsetMinutes: -12 * 60 }));
  assert.equal(createExtractStage({ tzOffsetMinutes: -600 }).name, 'extract');
});

test('a date in the file more than a day from the one in its name is kept, with a warning; a day apart says nothing', () => {
  const post = (date: string) => `---\ntitle: 标题\ndate: ${date}\n---\n\n正文。\n`;
  const far = extract(post('2021-01-01'), 'a/2020-10-14-post.md');
  assert.equal(far.meta.day, '2021-01-01');
  assert.deepEqual(codes(far), ['date-mismatch']);
  assert.match(far.messages[0]!.reason, /2021-01-01 is 79 days from the file name's 2020-10-14/);
  // saved the day after, or read in another time zone
  assert.deepEqual(codes(extract(post('2020-10-15T01:00:00+08:00'), 'a/2020-10-14-post.md')), []);
});
