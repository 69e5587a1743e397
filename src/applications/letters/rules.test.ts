// Letter templates: which placeholders each letter may use and must keep, the Chinese messages for
// a wrong template, and filling (a line whose placeholders are all empty is left out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.ts';
import { defaultTemplate } from './defaults.ts';
import { checkTemplate, fillTemplate, LETTER_KINDS, placeholdersOf, requiredPlaceholders, templateAlternatives, templateVariants } from './rules.ts';

const refused = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (e: unknown) => e instanceof DomainError && e.code === 'VALIDATION' && pattern.test(e.message));

test('every built-in template passes its own check', () => {
  for (const kind of LETTER_KINDS) for (const variant of templateVariants(kind)) assert.equal(checkTemplate(kind, variant, defaultTemplate(kind, variant)), defaultTemplate(kind, variant), `${kind}:${variant}`);
});

test('an unknown placeholder is named, with the ones the letter may use', () => {
  refused(() => checkTemplate('receipt', '', '收到日期：{收到日期}，{申请日期}'), /无法识别的占位符：\{申请日期\}。政府信息公开申请接收回执可用的占位符：\{申请人\}、\{申请编号\}/);
  refused(() => checkTemplate('receipt', '', '{收到日期}{理由}'), /无法识别的占位符：\{理由\}/);
});

test('条例第三十二条: a consultation letter never names the applicant', () => {
  refused(() => checkTemplate('consultation', 'third_party', '{申请人}申请获取{信息名称}'), /征求意见书不得载明申请人的身份/);
});

test('required placeholders: the remedy clause stays in every reply, the reasons in every reply but full disclosure', () => {
  refused(() => checkTemplate('reply', 'granted', '予以公开。'), /缺少必需的占位符 \{救济途径\}：答复书必须告知申请行政复议、提起行政诉讼的途径和期限/);
  assert.doesNotThrow(() => checkTemplate('reply', 'granted', '予以公开。\n{救济途径}'));
  refused(() => checkTemplate('reply', 'withheld.stateSecret', '不予公开。\n{救济途径}'), /缺少必需的占位符 \{理由\}.*第三十六条/);
  refused(() => checkTemplate('correction', '', '请补正。'), /\{补正事项\}.*\{补正期限\}/s);
  assert.deepEqual(requiredPlaceholders('fee', '').map((r) => r.name), ['金额', '缴费期限']);
});

test('empty text, unpaired braces and overlong text are refused', () => {
  refused(() => checkTemplate('receipt', '', '  \n '), /模板内容不能为空/);
  refused(() => checkTemplate('receipt', '', '{收到日期} {申请人'), /花括号不成对/);
  refused(() => checkTemplate('receipt', '', `{收到日期}${'字'.repeat(10_001)}`), /不能超过 10000 个字/);
});

test('filling: values in place, lines with only empty placeholders left out, multi-line values as paragraphs', () => {
  const text = '本机关于{收到日期}收到{申请人}的申请。{补正情况}\n理由：{理由}\n{补正事项}\n请于{补正期限}前补正。';
  assert.deepEqual(fillTemplate(text, { 收到日期: '2025年9月26日', 申请人: '王小明', 补正事项: '第一项\n\n第二项', 补正期限: '2025年10月20日' }), [
    '本机关于2025年9月26日收到王小明的申请。', '第一项', '第二项', '请于2025年10月20日前补正。',
  ]);
  assert.deepEqual(placeholdersOf('{a}{b}{a}'), ['a', 'b']);
});

test('a template keeps no alternatives of a model text: every built-in one is free of them, a custom one is refused', () => {
  for (const kind of LETTER_KINDS) for (const variant of templateVariants(kind)) assert.deepEqual(templateAlternatives(defaultTemplate(kind, variant)), [], `${kind} ${variant}`);
  assert.deepEqual(templateAlternatives('现予以提供（或告知获取该政府信息的方式、途径和时间）。没有（或者该信息不属于本机关负责公开）'), ['（或告知获取该政府信息的方式、途径和时间）', '（或者该信息不属于本机关负责公开）']);
  assert.deepEqual(templateAlternatives('逾期未说明理由或者说明的理由不合理（条例第三十五条）'), [], 'the statute’s own “或者” and a parenthesis without 或 are wording, not alternatives');
  assert.throws(() => checkTemplate('reply', 'granted', `${defaultTemplate('reply', 'granted')}\n现予以提供（或告知获取方式）。`), /模板不得保留备选说法 “（或告知获取方式）”/);
});
