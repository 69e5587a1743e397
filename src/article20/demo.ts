// Demo ledgers of 青山县自然资源局 for `serve --demo` (and every test app): confirmed 行政许可,
// 行政处罚 and 行政强制 decisions of last year and this year, as if imported from the 双公示 system
// (文书号 like 青自然资许〔2025〕第0001号, dates spread over the year; this year's only up to today),
// and the year's 行政事业性收费. Years come from today(), never written in. Fictional numbers.
// Runs inside the demo's transaction (app/demo/seed.ts): a few multi-row statements, well under a second.
import { createHash } from 'node:crypto';
import { appendAudit } from '../core/audit/log.ts';
import { addDays } from '../core/date.ts';
import type { Queryable } from '../core/db/database.ts';
import { currentYear, today } from '../core/today.ts';
import { findOrgByCode } from '../orgs/store.ts';
import type { DecisionCategory } from './model.ts';
import { docNumberKey } from './rules/doc-number.ts';
import type { PlannedDecision } from './rules/import-plan.ts';
import { parseYuanToFen } from '../core/money.ts';
import { countDecisionsOfOrg, insertBatch, insertDecisions, insertFee } from './store.ts';

const actor = { userId: null, name: '演示数据' };
const PREFIX: Record<DecisionCategory, string> = { licensing: '青自然资许', penalty: '青自然资罚', coercion: '青自然资强' };
const SUBJECTS: Record<DecisionCategory, string[]> = {
  licensing: ['建设用地规划许可', '乡村建设规划许可', '建设工程规划许可', '采矿权新立登记', '临时用地审批', '建设项目用地预审'],
  penalty: ['非法占用土地', '未取得采矿许可证擅自采矿', '未按规划许可建设', '破坏耕地'],
  coercion: ['查封违法采矿设备', '责令停止违法建设'],
};
/** Decisions per year and category (this year's are cut at today). */
const PER_YEAR: Record<DecisionCategory, number> = { licensing: 126, penalty: 34, coercion: 5 };
const FEES: { item: string; amount: string; period: string }[] = [
  { item: '不动产登记费', amount: '186,420.50', period: '' },
  { item: '土地复垦费', amount: '95310', period: '' },
  { item: '工本费', amount: '1,200.35', period: '' },
];

function decisionsOf(year: number, category: DecisionCategory, last: string): PlannedDecision[] {
  const n = PER_YEAR[category];
  const out: PlannedDecision[] = [];
  for (let i = 0; i < n; i++) {
    const decidedOn = addDays(`${year}-01-01`, Math.floor((i * 364) / Math.max(1, n - 1)));
    if (decidedOn > last) break;
    const docNumber = `${PREFIX[category]}〔${year}〕第${String(i + 1).padStart(4, '0')}号`;
    out.push({ sheet: '演示', row: i + 2, category, docNumber, docKey: docNumberKey(docNumber), decidedOn, subject: SUBJECTS[category][i % SUBJECTS[category].length]! });
  }
  return out;
}

/** Seeds the ledgers when 青山县自然资源局 has no decision yet; returns how many decisions were made. */
export async function seedArticle20Demo(tx: Queryable): Promise<number> {
  const org = await findOrgByCode(tx, 'QS-ZRZY');
  if (!org || (await countDecisionsOfOrg(tx, org.id)) > 0) return 0;
  const now = today();
  const year = currentYear();
  let made = 0;
  for (const y of [year - 1, year]) {
    const rows = (['licensing', 'penalty', 'coercion'] as const).flatMap((c) => decisionsOf(y, c, y === year ? now : `${y}-12-31`));
    if (rows.length === 0) continue;
    const fileName = `双公示导出（演示）${y}.xlsx`;
    const sha256 = createHash('sha256').update(fileName).digest('hex');
    const batchId = await insertBatch(tx, org.id, { fileName, sha256, rowsAdded: rows.length, duplicates: 0, actorName: actor.name });
    const added = await insertDecisions(tx, org.id, batchId, rows, 'confirmed', actor.name);
    await appendAudit(tx, actor, { orgId: org.id, action: 'article20.import', targetType: 'article20_import_batch', targetId: batchId, summary: { fileName, added, duplicates: 0, years: [String(y)], confirmed: true } });
    made += added;
    // last year's fees in full; this year's the first of them only
    for (const fee of y === year ? FEES.slice(0, 1) : FEES) {
      const parsed = parseYuanToFen(fee.amount);
      if (!('fen' in parsed)) continue;
      const id = await insertFee(tx, org.id, { year: y, period: fee.period, item: fee.item, amountFen: parsed.fen, note: '演示数据' }, 'confirmed', actor.name);
      await appendAudit(tx, actor, { orgId: org.id, action: 'article20.fee', targetType: 'article20_fee', targetId: id, summary: { after: { year: y, item: fee.item, amountYuan: fee.amount }, confirmed: true } });
    }
  }
  return made;
}
