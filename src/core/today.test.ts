import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { today } from './today.ts';

test('today is the date in China, and turns at midnight Beijing time (16:00 UTC), not at the server’s midnight', () => {
  mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-12-31T15:59:59.999Z') });
  try {
    assert.equal(today(), '2026-12-31');
    assert.equal(today(), '2026-12-31', 'asked again within the day');
    mock.timers.tick(1);
    assert.equal(today(), '2027-01-01');
    mock.timers.setTime(Date.parse('2027-01-01T23:59:00Z'));
    assert.equal(today(), '2027-01-02');
  } finally {
    mock.timers.reset();
  }
});
