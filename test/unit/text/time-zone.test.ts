import assert from 'node:assert/strict';
import test from 'node:test';
import { formatOffset, parseOffset } from '../../../src/text/time-zone.js';

test('UTC offsets in the forms people write', () => {
  assert.equal(parseOffset('+08:00'), 480);
  assert.equal(parseOffset('UTC+8'), 480);
  assert.equal(parseOffset('-0530'), -330);
  assert.equal(parseOffset('Z'), 0);
  assert.equal(parseOffset('Asia/Shanghai'), undefined);
  assert.equal(parseOffset('+25:00'), undefined);
  assert.equal(formatOffset(-330), '-05:30');
  assert.equal(formatOffset(480), '+08:00');
});
