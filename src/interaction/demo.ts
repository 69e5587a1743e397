// Demo messages to 青山县自然资源局 for `serve --demo`, through the real commands as the trusted operator
// 演示数据: two answered and published with the writers' consent (one naming a phone number that the
// publication masks) and rated, one past its deadline, one transferred to 青山县水利局, one reply waiting
// for the head's signature and one just received. Dates count back from today. Fictional people.
import type { Database } from '../core/db/database.ts';
import { addDays } from '../core/date.ts';
import { today } from '../core/today.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { draftReply, rateMessage, registerMessage, signReply, transferMessage } from './commands.ts';
import type { InteractionHooks } from './hooks.ts';

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据', requestId: null }, staff: null };

export async function seedInteractionDemo(db: Database, hooks: InteractionHooks): Promise<void> {
  const zrzy = await findOrgByCode(db, 'QS-ZRZY');
  const sl = await findOrgByCode(db, 'QS-SL');
  if (!zrzy || !sl) return;
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from interaction_messages')) as [{ n: number }];
  if (n > 0) return;
  const now = today();
  const ago = (days: number) => addDays(now, -days);
  const register = (days: number, m: Record<string, unknown>) => registerMessage(db, demoContext, zrzy.id, { channel: 'website', receivedOn: ago(days), ...m });

  const a = await register(40, {
    category: 'consult', subject: '农村宅基地审批需要哪些材料', content: '您好，我家准备在村里翻建住房，请问农村宅基地和建房（规划许可）审批需要准备哪些材料，到哪里办理？',
    name: '周建华', phone: '13905710001', consentPublish: true,
  });
  await draftReply(db, demoContext, a.id, { reply: '您好！农村宅基地和建房（规划许可）审批，需提交《农村宅基地和建房（规划许可）申请表》、户口簿、建房设计图或通用图等材料，向所在村民委员会提出申请，经乡镇人民政府审核批准。具体可咨询所在乡镇自然资源所。', on: ago(39) });
  await signReply(db, demoContext, a.id, { on: ago(39) }, hooks);
  if (a.queryCode) await rateMessage(db, a.queryCode, { rating: 'satisfied' });

  const b = await register(30, {
    category: 'suggest', subject: '建议公开耕地占补平衡项目清单', content: '建议在政府信息公开专栏公开本县耕地占补平衡项目的清单和验收情况，方便群众监督。如需进一步了解，可拨打我的电话13905710002。',
    name: '钱晓梅', phone: '13905710002', email: 'qxm@example.com', consentPublish: true,
  });
  await draftReply(db, demoContext, b.id, { reply: '感谢您的建议。本局将在“政府信息公开—重点领域信息—自然资源”栏目中公开本县耕地占补平衡项目清单及验收结果，预计下月完成。', on: ago(24) });
  await signReply(db, demoContext, b.id, { on: ago(22) }, hooks);
  if (b.queryCode) await rateMessage(db, b.queryCode, { rating: 'basically' });

  await register(45, {
    category: 'complain', subject: '反映某建筑工地违法占地', content: '青山镇东侧道路旁有建筑工地疑似未经批准占用耕地，已持续施工一个多月，请核查处理。',
    name: '孙志强', phone: '13905710003', consentPublish: false,
  });

  const d = await register(6, {
    category: 'complain', subject: '反映河道非法采砂', content: '青山溪下游河段夜间有人采砂，破坏河床，请有关部门查处。',
    name: '李红', phone: '13905710004', consentPublish: true,
  });
  await transferMessage(db, demoContext, d.id, { toOrgId: sl.id, reason: '河道采砂监管属水行政主管部门职责', on: ago(5) });

  const e = await register(4, {
    category: 'help', subject: '不动产登记证书遗失如何补办', content: '本人的不动产权证书不慎遗失，请问如何补办？需要登报声明吗？',
    name: '吴海', email: 'wuhai@example.com', consentPublish: true,
  });
  await draftReply(db, demoContext, e.id, { reply: '您好！不动产权证书遗失的，可持身份证明到县不动产登记中心申请补发，登记机构将在门户网站上发布遗失声明，无需自行登报。', on: ago(2) });

  await register(1, {
    category: 'consult', box: 'leader', subject: '地质灾害隐患点如何上报', content: '我们村后山出现裂缝，想了解地质灾害隐患应当向哪里报告。',
    name: '郑丽', phone: '13905710006', consentPublish: false,
  });
}
