import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DETECTOR_LABELS, detectFindings, findingsInContext, idCardChecksumOk, luhnOk, maskMatch, openFindings, plausibleRegionCode, unreadAttachmentFindings, type Detector } from './confidentiality.ts';

const found = (text: string, words?: string[]) => detectFindings(text, { words }).map((f) => [f.detector, f.match] as [Detector, string]);
const kinds = (text: string, words?: string[]) => detectFindings(text, { words }).map((f) => f.detector);

test('ID checksum (GB 11643): valid numbers pass, one changed digit or check character fails', () => {
  assert.equal(idCardChecksumOk('11010519491231002X'), true);
  assert.equal(idCardChecksumOk('11010519491231002x'), true);
  assert.equal(idCardChecksumOk('330106199003071236'), true);
  assert.equal(idCardChecksumOk('330106199003071235'), false);
  assert.equal(idCardChecksumOk('11010519491231002Y'), false);
  assert.equal(idCardChecksumOk('1101051949123100'), false);
});

test('ID numbers: true positives in running text, full-width digits, lower-case x, at the very start and end', () => {
  assert.deepEqual(found('申请人张三，身份证号11010519491231002X，住址略。'), [['id_card', '11010519491231002X']]);
  assert.deepEqual(found('440304198508125673'), [['id_card', '440304198508125673']]);
  assert.deepEqual(found('证件：５１０１０２２０００02290019'), [['id_card', '５１０１０２２０００02290019']]);
  assert.deepEqual(found('号码 11010519491231002x 已核实'), [['id_card', '11010519491231002x']]);
  assert.deepEqual(found('两人：330106199003071236、610103199912313456').length, 2);
});

test('ID numbers with a wrong check character are still personal data: flagged as such, saying the check fails', () => {
  assert.equal(idCardChecksumOk('110101199003071234'), false);
  assert.equal(idCardChecksumOk('11010119900307123X'), false);
  assert.deepEqual(found('申请人身份证号110101199003071234，住址略。'), [['id_card_bad_check', '110101199003071234']]);
  assert.deepEqual(found('11010119900307123X'), [['id_card_bad_check', '11010119900307123X']]);
  assert.deepEqual(found('号码 11010119900307123x。'), [['id_card_bad_check', '11010119900307123x']]);
  assert.deepEqual(found('330106199003071235'), [['id_card_bad_check', '330106199003071235']], 'one digit off a real number');
  assert.deepEqual(found('全角 １１０１０１１９９００３０７１２３４'), [['id_card_bad_check', '１１０１０１１９９００３０７１２３４']]);
  assert.deepEqual(found('110101199003071233'), [['id_card', '110101199003071233']], 'with its right check character');
  assert.match(DETECTOR_LABELS.id_card_bad_check, /^疑似身份证号码.*校验位不符/);
  assert.match(DETECTOR_LABELS.id_card, /^疑似身份证号码.*校验位相符/);
  assert.equal(maskMatch({ detector: 'id_card_bad_check', match: '110101199003071234' }), '110***********1234');
});

test('a wrong check character is flagged only with a plausible region code and birth date', () => {
  assert.equal(plausibleRegionCode('110101199003071234'), true);
  assert.equal(plausibleRegionCode('990101199003071234'), false, '99 is no province');
  assert.equal(plausibleRegionCode('110000199003071234'), false, 'a province-level placeholder');
  assert.deepEqual(kinds('990101199003071234'), [], 'no province 99');
  assert.deepEqual(kinds('190101199003071234'), [], 'no province 19');
  assert.deepEqual(kinds('110101199013071234'), [], 'month 13');
  assert.deepEqual(kinds('110101199002301234'), [], '30 February');
  assert.deepEqual(kinds('110101170003071234'), [], 'born in 1700');
  assert.deepEqual(kinds('1110101199003071234'), [], 'part of a longer number');
  assert.deepEqual(kinds('110101199003071234A'), [], 'part of a longer code');
});

test('ID numbers: false positives are not reported', () => {
  assert.deepEqual(kinds('110105194913310023'), [], 'month 13 is not a birth date');
  assert.deepEqual(kinds('510102200102290017'), [], '2001-02-29 does not exist');
  assert.deepEqual(kinds('1330106199003071236'), [], 'part of a longer number');
  assert.deepEqual(kinds('统一社会信用代码 11330100002544669T'), [], 'a 统一社会信用代码 is not an ID number');
  assert.deepEqual(kinds('索引号 000014349/2017-00110，文号 国办发〔2017〕47号'), []);
  assert.deepEqual(kinds('2023年12月13日 2023-12-13 20231213'), []);
});

test('bank cards: Luhn-valid 16–19 digits, with or without groups', () => {
  assert.equal(luhnOk('4111111111111111'), true);
  assert.equal(luhnOk('4111111111111112'), false);
  assert.deepEqual(found('请汇入 6222021234567890128 账户'), [['bank_card', '6222021234567890128']]);
  assert.deepEqual(found('卡号：6217 0012 3456 7890 122'), [['bank_card', '6217 0012 3456 7890 122']]);
  assert.deepEqual(found('卡号 4367-4212-3456-7896'), [['bank_card', '4367-4212-3456-7896']]);
  assert.deepEqual(found('622848012345678900'), [['bank_card', '622848012345678900']]);
});

test('bank cards: false positives are not reported', () => {
  assert.deepEqual(kinds('6222021234567890127'), [], 'Luhn fails');
  assert.deepEqual(kinds('项目编号 622202123456789'), [], 'too short');
  assert.deepEqual(kinds('流水号 62220212345678901280000'), [], 'part of a longer number');
  assert.deepEqual(kinds('金额 5,000,000,000 元'), []);
});

test('mobile numbers: plain, +86, separated 3-4-4', () => {
  assert.deepEqual(found('联系电话13812345678'), [['mobile', '13812345678']]);
  assert.deepEqual(found('手机：+86 139 1234 5678。'), [['mobile', '+86 139 1234 5678']]);
  assert.deepEqual(found('158-0000-1111'), [['mobile', '158-0000-1111']]);
  assert.deepEqual(found('8619912345678'), [['mobile', '8619912345678']]);
});

test('mobile numbers: false positives are not reported', () => {
  assert.deepEqual(kinds('联系电话：0571-80000101，传真0794—7528789'), [], 'landlines');
  assert.deepEqual(kinds('12345 政务服务便民热线'), []);
  assert.deepEqual(kinds('12812345678'), [], '12x is not a mobile prefix');
  assert.deepEqual(kinds('单号 213812345678'), [], 'part of a longer number');
  assert.deepEqual(kinds('身份证 11010519491231002X'), ['id_card'], 'digits inside an ID are not a phone number');
  assert.deepEqual(kinds('1381 2345 6789 0123'), [], 'inside a grouped number');
});

test('密级 markings: with ★ and period, alone on a line, after 密级, in brackets, traditional', () => {
  assert.deepEqual(found('秘密★1年'), [['classification', '秘密★1年']]);
  assert.deepEqual(found('机密★'), [['classification', '机密★']]);
  assert.deepEqual(found('绝密★长期\n关于……的通知'), [['classification', '绝密★长期']]);
  assert.deepEqual(found('机密 ★ 10年'), [['classification', '机密 ★ 10年']]);
  assert.deepEqual(found('关于某事的通知\n  绝密  \n正文'), [['classification', '绝密']]);
  assert.deepEqual(found('秘 密\n正文'), [['classification', '秘 密']]);
  assert.deepEqual(found('密级：机密'), [['classification', '密级：机密']]);
  assert.deepEqual(found('【秘密】关于……'), [['classification', '【秘密】']]);
  assert.deepEqual(found('機密★5年'), [['classification', '機密★5年']]);
});

test('密级 markings: the words in running text are not markings', () => {
  assert.deepEqual(kinds('涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。'), []);
  assert.deepEqual(kinds('依法确定为国家秘密的政府信息不予公开；国家秘密分为绝密、机密、秘密三级。'), []);
  assert.deepEqual(kinds('严格保守工作秘密，做到“涉密不公开、公开不涉密”。'), []);
  assert.deepEqual(kinds('秘密通道'), []);
});

test('内部资料 / 内部文件 / 不得外传 (also spaced and traditional)', () => {
  assert.deepEqual(found('内部资料 注意保存'), [['internal', '内部资料']]);
  assert.deepEqual(found('本通知为内部文件，不得外传。'), [['internal', '内部文件'], ['internal', '不得外传']]);
  assert.deepEqual(found('內 部 資 料'), [['internal', '內 部 資 料']]);
  assert.deepEqual(found('仅供内部参考'), [['internal', '仅供内部']]);
  assert.deepEqual(kinds('机构内部设有办公室、财务股'), [], '内部 alone is ordinary');
  assert.deepEqual(kinds('资料可在政务服务大厅查阅，文件已外送'), []);
});

test('configurable word list: case-insensitive, every occurrence, empty entries ignored', () => {
  assert.deepEqual(found('项目代号 Alpha-7 与 alpha-7', ['ALPHA-7', ' ']), [['word', 'Alpha-7'], ['word', 'alpha-7']]);
  assert.deepEqual(kinds('无敏感内容', ['某某工程']), []);
  assert.deepEqual(kinds('涉及某某工程选址', ['某某工程']), ['word']);
});

test('overlaps: the earliest detector wins; findings come in text order with context', () => {
  const fs = findingsInContext('body', '内部资料。申请人身份证11010519491231002X，电话13812345678。', { radius: 4 });
  assert.deepEqual(fs.map((f) => f.detector), ['internal', 'id_card', 'mobile']);
  assert.equal(fs[1]!.before, '人身份证');
  assert.equal(fs[1]!.after, '，电话1');
  assert.equal(fs[1]!.field, 'body');
});

test('acknowledged findings stop blocking; masking hides the middle of personal numbers', () => {
  const fs = detectFindings('11010519491231002X 与 13812345678');
  const open = openFindings(fs, [{ detector: 'id_card', matchText: '11010519491231002X' }]);
  assert.deepEqual(open.map((f) => f.detector), ['mobile']);
  assert.equal(maskMatch(fs[0]!), '110***********002X');
  assert.deepEqual(openFindings(detectFindings('110101199003071234'), [{ detector: 'id_card', matchText: '110101199003071234' }]).length, 1, 'an acknowledgement is for its own detector');
  assert.equal(maskMatch({ detector: 'classification', match: '秘密★' }), '秘密★');
});

test('attachments that should have text but have none (scans) are findings; images and readable files are not', () => {
  const fs = unreadAttachmentFindings([
    { fileName: '扫描件.pdf', mediaType: 'application/pdf', text: ' \n\n ' },
    { fileName: '图片.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: '' },
    { fileName: '名单.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', text: '名单' },
    { fileName: '照片.jpg', mediaType: 'image/jpeg', text: '' },
  ]);
  assert.deepEqual(fs.map((f) => [f.detector, f.match, f.field]), [['no_text', '扫描件.pdf', '附件“扫描件.pdf”'], ['no_text', '图片.docx', '附件“图片.docx”']]);
});

test('configurable word list: 繁體 spellings match a word given in 简体, and the other way round; offsets are the text’s own', () => {
  const text = '關於某某工程選址的說明，另見某某工程';
  const fs = detectFindings(text, { words: ['某某工程选址'] });
  assert.deepEqual(fs.map((f) => [f.match, f.start, f.end]), [['某某工程選址', 2, 8]]);
  assert.equal(text.slice(fs[0]!.start, fs[0]!.end), '某某工程選址');
  assert.deepEqual(found('关于国防项目的说明', ['國防項目']), [['word', '国防项目']]);
  assert.deepEqual(found('内部代號ALPHA', ['代号alpha']), [['word', '代號ALPHA']]);
  assert.deepEqual(found('没有敏感内容', ['國防項目']), []);
});
