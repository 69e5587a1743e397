import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnualReport } from '../model/report.ts';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { validateReport } from '../rules/validate.ts';
import { assessmentParagraph, draftNarrative, feesSentence, percentOf, yuanToWanYuan } from './draft.ts';

const facts = {
  publishedByColumn: [{ column: '政策文件', count: 12 }, { column: '财政信息', count: 0 }, { column: '工作动态', count: 30 }],
  interpretations: 3,
  applicationsByChannel: [{ channel: '当面申请', count: 2 }, { channel: '网络申请', count: 9 }],
  processingFeesYuan: '0',
  administrativeFeesYuan: null,
  assessment: null,
};

test('draftNarrative: section 一 states the facts and the tables, and every narrative rule agrees with it', () => {
  for (const name of ['valid-2021', 'valid-2019', 'seed-001'] as const) {
    const report: AnnualReport = fixtureReport(name as 'valid-2021');
    const text = draftNarrative(report, facts);
    const received = report.table3!.newReceived[6];
    assert.match(text.一!, new RegExp(`全年共收到政府信息公开申请${received}件（当面申请2件、网络申请9件）`), name);
    assert.match(text.一!, /全年主动公开政府信息42条，其中“政策文件”12条、“工作动态”30条；发布政策解读3篇。/);
    const narrativeFindings = validateReport(report, { narrative: text as Record<string, string> }).filter((f) => f.rule.startsWith('narrative.'));
    assert.deepEqual(narrativeFindings, [], name);
    assert.equal(text.五, undefined, 'problems are the agency\'s own text');
  }
});

test('draftNarrative: no appeals is said as 0, so the rule can read it', () => {
  const report = fixtureReport('valid-2021');
  const none = { ...report, table4: { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] } } as typeof report;
  assert.match(draftNarrative(none, facts).一!, /发生行政复议0件；行政诉讼0件。/);
});

test('percentages to one decimal, amounts exact', () => {
  assert.equal(percentOf(2, 3), '66.7');
  assert.equal(percentOf(3, 3), '100');
  assert.equal(percentOf(0, 0), '0');
  assert.equal(yuanToWanYuan('12345.6'), '1.23456');
  assert.equal(yuanToWanYuan('0.01'), '0.000001');
  assert.equal(yuanToWanYuan('123456789012.34'), '12345678.901234');
  assert.equal(feesSentence({ processingFeesYuan: '0' }), '本年度未收取政府信息公开信息处理费。');
  assert.match(feesSentence({ processingFeesYuan: '300.5' }), /国办函〔2020〕109号）收取信息处理费300.5元。/);
});

test('条例第五十条第四项: a government\'s text states its 工作考核 of the agencies; an agency\'s says nothing of it', () => {
  const assessment = { agencies: 7, passed: 4, failed: 1, vetoed: 1, incomplete: 1, rectifications: 5, rectified: 3 };
  assert.equal(
    assessmentParagraph({ assessment }),
    '（四）监督保障。本年度对所属7个部门开展政府信息公开工作考核，合格4个、不合格2个（其中单项否决1个）、尚未完成评分1个；下发整改事项5项，已确认整改完成3项。',
  );
  assert.equal(assessmentParagraph({ assessment: { ...assessment, failed: 0, vetoed: 0, incomplete: 0 } }), '（四）监督保障。本年度对所属7个部门开展政府信息公开工作考核，合格4个、不合格0个；下发整改事项5项，已确认整改完成3项。');
  const report = fixtureReport('valid-2021');
  assert.match(draftNarrative(report, { ...facts, assessment }).一!, /（四）监督保障。本年度对所属7个部门/);
  assert.doesNotMatch(draftNarrative(report, facts).一!, /监督保障/);
});
