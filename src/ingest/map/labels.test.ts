import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE_LABELS, matchLabel, normalizeLabel } from './labels.ts';

const key = (table: 2 | 3 | 4, text: string) => {
  const m = matchLabel(text, TABLE_LABELS[table]);
  return m ? `${m.entry.role}:${m.entry.key}` : null;
};

test('labels: normalized without numbering, punctuation, 记/计, 合计/总计', () => {
  assert.equal(normalizeLabel('（三）3.危及“三安全一稳定”'), '危及三安全一稳定');
  assert.equal(normalizeLabel('（二）部分公開(區分處理的,只記這一情形)'), '部分公开区分处理的只计这一情形');
  assert.equal(normalizeLabel('合 计'), '总计');
  assert.equal(normalizeLabel('第二十条第(五)项'), '第二十条第五项');
});

test('labels: variants real pages print', () => {
  assert.equal(key(3, '1.信訪投訴舉報類申請'), 'row:notProcessed.petitionComplaint'); // words in another order
  assert.equal(key(3, '(二)部分公开(区分处理的,只记这一情形,不记其他情形)'), 'row:partiallyGranted');
  assert.equal(key(3, '本年新收政府信息公开申请数量'), 'row:newReceived'); // numbering missing
  assert.equal(key(3, '6.属于四类过程性信'), 'row:withheld.processInformation'); // cut short
  assert.equal(key(3, '不予公4.保护第三方合法权益'), 'row:withheld.thirdPartyRights'); // a merged cell's fragment
  assert.equal(key(3, '(六)其他1.申请人无正当理由逾期不补正、行政机'), 'row:other.noCorrection'); // both
  assert.equal(key(2, '规范性文件'), 'row:normativeDocuments');
  assert.equal(key(2, '行政規范性文件'), 'row:normativeDocuments');
  assert.equal(key(2, '規 章'), 'row:regulations');
  assert.equal(key(2, '本年新\n制作数量'), 'column:newlyMade');
  assert.equal(key(4, '未經復議直接起訴'), 'header:litigationDirect');
});

test('labels: what must not match', () => {
  assert.equal(key(2, '第二十条第(七)项'), null); // captions differ by one numeral: exact only
  assert.equal(key(2, '本机关全年无行政许可事项，也未作出行政处罚决定'), null); // a sentence mentioning labels
  assert.equal(key(3, '关不再处理其政府信息公开申请'), null); // shared by two rows: ambiguous
  assert.equal(key(3, '其他'), null); // column 其他 or row （六）3.其他: the reader decides by position
});

test('labels: a row label printed in one cell with its merged group cell', () => {
  assert.equal(key(3, '（五）不予处理 2.重复申请'), 'row:notProcessed.repeated');
  assert.equal(key(3, '三、本年度办理结果（一）予以公开'), 'row:granted');
  assert.equal(key(3, '（六）其他处理 3.其他'), 'row:other.other');
  assert.equal(key(3, '（六）其他处理'), 'group:other');
});

test('labels: a misprint that dropped characters from inside a label (issue 18, PDF class)', () => {
  assert.equal(key(3, '2.其他法律行政止公开'), 'row:withheld.prohibitedByLaw');
  assert.equal(key(3, '2、其他法律行政止公开'), 'row:withheld.prohibitedByLaw');
  // too little of the label left: no label
  assert.equal(key(3, '其他公开'), null);
});
