import assert from 'node:assert/strict';
import test from 'node:test';
import { daysOfPeriod, parseDayRange, periodOf } from '../../../src/text/periods.js';

test('ISO weeks: Monday to Sunday, in the year of their Thursday', () => {
  assert.equal(periodOf('2020-10-14', 'week'), '2020-W42'); // a Wednesday
  assert.equal(periodOf('2020-10-12', 'week'), '2020-W42'); // its Monday
  assert.equal(periodOf('2020-10-18', 'week'), '2020-W42'); // its Sunday
  assert.equal(periodOf('2020-10-19', 'week'), '2020-W43');
  assert.equal(periodOf('2021-01-03', 'week'), '2020-W53', 'a Sunday in January belongs to the last week of 2020');
  assert.equal(periodOf('2019-12-30', 'week'), '2020-W01', 'a Monday in December opens week 1 of 2020');
  assert.equal(periodOf('2024-12-30', 'week'), '2025-W01');
});

test('days and months', () => {
  assert.equal(periodOf('2020-10-14', 'day'), '2020-10-14');
  assert.equal(periodOf('2020-10-14', 'month'), '2020-10');
});

test('the days of a period, and periods that do not exist', () => {
  assert.deepEqual(daysOfPeriod('2020-W53'), { from: '2020-12-28', to: '2021-01-03' });
  assert.deepEqual(daysOfPeriod('2020-W01'), { from: '2019-12-30', to: '2020-01-05' });
  assert.equal(daysOfPeriod('2021-W53'), undefined, '2021 has 52 weeks');
  assert.deepEqual(daysOfPeriod('2020-02'), { from: '2020-02-01', to: '2020-02-29' });
  assert.equal(daysOfPeriod('2020-13'), undefined);
  assert.equal(daysOfPeriod('2020-02-30'), undefined);
});

test('ranges on the command line', () => {
  assert.deepEqual(parseDayRange('2020-10-14'), { from: '2020-10-14', to: '2020-10-14' });
  assert.deepEqual(parseDayRange('2020-10-01..2020-10-15'), { from: '2020-10-01', to: '2020-10-15' });
  assert.deepEqual(parseDayRange('2020-09..2020-W42'), { from: '2020-09-01', to: '2020-10-18' });
  assert.equal(parseDayRange('2020-10-15..2020-10-14'), undefined, 'backwards');
  assert.equal(parseDayRange('yesterday'), undefined);
});
