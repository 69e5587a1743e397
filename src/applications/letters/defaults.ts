// The built-in wording of every letter template (rules/letter-template.ts for the placeholders):
// what an organization gets until it stores its own (letter_templates), and what “恢复默认” restores.
// Reply templates follow the outcome: its decision sentence and the articles it rests on (rules/outcome.ts).
import { OUTCOMES, type ReplyOutcome } from '../rules/outcome.ts';
import type { LetterKind } from './rules.ts';

const ACT = '《中华人民共和国政府信息公开条例》';
const INTRO = '本机关于{收到日期}收到您提交的政府信息公开申请（编号：{申请编号}），申请获取{信息名称}。';
const lines = (...l: string[]) => l.join('\n');

const FIXED: Record<Exclude<LetterKind, 'reply' | 'consultation' | 'disclosure'>, string> = {
  receipt: lines(
    `您于{提交日期}提交的政府信息公开申请（编号：{申请编号}）已收到，收到申请之日为{收到日期}（${ACT}第三十一条）。`,
    '您申请获取{信息名称}，要求以{获取形式}形式、通过{获取方式}方式获取。',
    `本机关将依照${ACT}第三十三条的规定，于{答复期限}前作出答复（需要补正、征求意见或者依法延期的除外）。`,
    '您可以凭编号和联系电话或电子邮箱在本平台查询办理进度。',
  ),
  correction: lines(
    INTRO,
    `经审查，您的申请内容不明确。根据${ACT}第三十条的规定，请您对以下事项作出补正：`,
    '{补正事项}',
    '请您于{补正期限}前补正，可以通过本平台在线补正，也可以书面提交。答复期限自本机关收到补正的申请之日起计算。',
    '您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  extension: lines(
    `${INTRO}{补正情况}`,
    `因{延期理由}，本机关不能在法定期限内作出答复。根据${ACT}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人于{批准日期}同意，答复期限延长{延长天数}个工作日，本机关将于{答复期限}前作出答复。`,
    '征求第三方或者其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款）。',
  ),
  consultation_notice: lines(
    INTRO,
    `您申请获取的信息涉及{征求对象}，本机关已依照${ACT}第三十二条、第三十四条的规定书面征求意见。`,
    '被征求意见方应自收到征求意见书之日起15个工作日内提出意见；征求意见所需时间不计算在答复期限内（条例第三十三条第三款）。本机关将在征求意见结束后依法作出答复。',
  ),
  reasons: lines(
    INTRO,
    '经审查，{说明事项}，数量、频次明显超过合理范围。',
    `根据${ACT}第三十五条的规定，请您于{说明期限}前说明申请理由，可以通过本平台在线说明，也可以书面提交。`,
    '本机关认为理由不合理的，将告知您不予处理；认为理由合理但无法在法定期限内答复的，将确定延迟答复的合理期限并告知您。本机关将于{答复期限}前作出答复。',
  ),
  delay: lines(
    INTRO,
    `您申请公开政府信息的数量、频次明显超过合理范围。经审查，本机关认为您说明的理由合理，但因{延迟理由}，无法在${ACT}第三十三条规定的期限内答复。`,
    `根据${ACT}第三十五条的规定，本机关确定延迟答复的期限，将于{延迟答复日期}前作出答复。`,
  ),
  fee: lines(
    INTRO,
    `根据${ACT}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请需缴纳信息处理费，计费方式为{计费方式}。{收费说明}。`,
    '应缴金额：人民币{金额}元。请于{缴费期限}前缴纳。自本通知发出之日至缴费之日，不计算在答复期限内。',
    '您逾期未按本通知要求缴纳费用的，本机关不再处理该政府信息公开申请。',
  ),
};

const REQUEST = '本机关收到一件政府信息公开申请（编号：{申请编号}），申请获取{信息名称}。';
// 条例第三十二条: the decision to disclose over the third party's objection, with its reasons
const DISCLOSURE = lines(
  `${REQUEST}本机关曾就此书面征求你方意见，你方不同意公开。`,
  `经审查，本机关认为不公开可能对公共利益造成重大影响。根据${ACT}第三十二条的规定，本机关决定予以公开，现将决定公开的政府信息内容和理由告知如下：`,
  '决定公开的内容：{公开内容}',
  '理由：{公开理由}',
  '{救济途径}',
);

const CONSULTATION: Record<string, string> = {
  agency: lines(
    `${REQUEST}该政府信息由本机关与你机关共同制作。根据${ACT}第三十四条的规定，现征求你机关的意见。`,
    '请自收到本征求意见书之日起15个工作日内提出意见；逾期未提出意见的，视为同意公开。',
  ),
  third_party: lines(
    `${REQUEST}经审查，公开该信息可能损害你方的合法权益。根据${ACT}第三十二条的规定，现书面征求你方意见。`,
    '请自收到本征求意见书之日起15个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
    '第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。',
  ),
};

function replyTemplate(outcome: ReplyOutcome): string {
  const info = OUTCOMES[outcome];
  return lines(
    `${INTRO}{办理经过}经审查，现答复如下：`,
    info.decision,
    `${outcome === 'granted' ? '说明' : '理由'}：{理由}`,
    `依据：${info.basis}。`,
    '本答复通过{送达方式}方式送达。',
    '{救济途径}',
  );
}

/** The built-in template of a kind and variant (the outcome of a reply, the party of a consultation). */
export function defaultTemplate(kind: LetterKind, variant: string): string {
  if (kind === 'reply') return replyTemplate(variant as ReplyOutcome);
  if (kind === 'consultation') return CONSULTATION[variant] ?? CONSULTATION.third_party!;
  if (kind === 'disclosure') return DISCLOSURE;
  return FIXED[kind];
}
