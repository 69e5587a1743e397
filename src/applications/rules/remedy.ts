// The remedy clause of a reply letter (救济途径告知), as in force since 2024-01-01 (domain-reference §A.10):
//   行政复议法（2023年修订）第二十条：自知道该行政行为之日起六十日内提出行政复议申请；
//   第二十三条第一款第（四）项：申请政府信息公开，行政机关不予公开的，应当先向行政复议机关申请行政复议
//     （复议前置），第二款：行政机关在作出该行政行为时应当告知；
//   第二十四条：县级以上地方各级人民政府管辖对本级人民政府工作部门作出的行政行为不服的复议申请；
//   行政诉讼法第四十六条：自知道或者应当知道作出行政行为之日起六个月内提出诉讼.
// Letters written before 2024 (“向上一级主管部门或者本级人民政府申请行政复议”) are outdated.
import type { Organization } from '../../orgs/model.ts';
import { superiorGovernmentName } from '../../orgs/rules.ts';

/**
 * The 行政复议机关 (行政复议法第二十四条): for a department of a local government, that level's
 * 人民政府; for a government (its office) the government one level up — the same body the 指南 names
 * as 上一级行政机关 (orgs/rules.ts). `ancestors` runs from the root down to the organization's parent.
 */
export function reviewBodyName(org: Pick<Organization, 'kind'>, ancestors: readonly Pick<Organization, 'kind' | 'shortName'>[]): string {
  return superiorGovernmentName(org, ancestors) ?? '上一级人民政府';
}

/** The remedy paragraph; `reviewFirst` for decisions that withhold information (复议前置). */
export function remedyClause(reviewFirst: boolean, reviewBody: string): string {
  if (reviewFirst) {
    return (
      `如对本答复中不予公开的决定不服，根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先向${reviewBody}申请行政复议，` +
      `申请期限为自收到本答复之日起六十日内（《中华人民共和国行政复议法》第二十条）；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。`
    );
  }
  return appealClause('本答复', '本答复', reviewBody);
}

/** 条例第三十二条: the third party told of a decision to disclose may contest it (no 复议前置). */
export function disclosureRemedyClause(reviewBody: string): string {
  return appealClause('本机关决定公开上述政府信息', '本告知书', reviewBody);
}

function appealClause(decision: string, document: string, reviewBody: string): string {
  return (
    `如对${decision}不服，可以自收到${document}之日起六十日内向${reviewBody}申请行政复议（《中华人民共和国行政复议法》第二十条），` +
    `或者自收到${document}之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`
  );
}
