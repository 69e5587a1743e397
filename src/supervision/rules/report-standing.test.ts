import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publishedOnTime, reportFigures, reportStanding } from './report-standing.ts';

test('reportStanding: 未开始, 草稿, 已发布, 已导入', () => {
  assert.equal(reportStanding({ exists: false, published: false, imported: false }), 'none');
  assert.equal(reportStanding({ exists: true, published: false, imported: true }), 'draft', 'an imported draft is a draft');
  assert.equal(reportStanding({ exists: true, published: true, imported: false }), 'published');
  assert.equal(reportStanding({ exists: true, published: true, imported: true }), 'imported');
});

test('publishedOnTime: on the deadline is on time; late once it passed unpublished; open before', () => {
  assert.equal(publishedOnTime('2026-01-31', '2026-01-31', '2026-12-06'), true);
  assert.equal(publishedOnTime('2026-02-01', '2026-01-31', '2026-12-06'), false);
  assert.equal(publishedOnTime(null, '2026-01-31', '2026-02-01'), false);
  assert.equal(publishedOnTime(null, '2027-01-31', '2026-12-06'), null);
});

test('reportFigures: 予以公开率 and 纠错率 as the schemes define them, null when nothing to divide or unreadable', () => {
  const f = reportFigures({ received: 26, granted: 13, partiallyGranted: 4, handled: 25, appeals: [[1, 2], [0, 1], [0, 0]], feesWanYuan: 0 });
  assert.equal(f.received, 26);
  assert.equal(f.disclosureShare, 17 / 25);
  assert.equal(f.correctionRate, 1 / 3);
  const none = reportFigures({ received: 0, granted: 0, partiallyGranted: 0, handled: 0, appeals: [[0, 0], [0, 0], [0, 0]], feesWanYuan: null });
  assert.equal(none.disclosureShare, null);
  assert.equal(none.correctionRate, null);
  assert.equal(reportFigures({ received: 1, granted: null, partiallyGranted: 0, handled: 1, appeals: [[null, 1], [0, 0], [0, 0]], feesWanYuan: null }).correctionRate, null);
});
