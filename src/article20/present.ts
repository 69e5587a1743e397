// What the staff API shows of the ledgers: explicit allow-lists. Amounts as exact decimal strings
// (元 and 万元), never floats; statuses with their Chinese labels.
import { CATEGORY_LABELS, ITEM_LABELS, periodLabel, STATUS_LABELS, type Decision, type FeeEntry, type ItemCount, type PeriodCount, type Procurement } from './model.ts';
import { fenToWanYuan, fenToYuan } from '../core/money.ts';

export const presentDecision = (d: Decision) => ({
  id: d.id, category: d.category, categoryLabel: CATEGORY_LABELS[d.category], docNumber: d.docNumber, decidedOn: d.decidedOn, subject: d.subject,
  batchId: d.batchId, status: d.status, statusLabel: STATUS_LABELS[d.status],
});

export const presentCount = (c: PeriodCount) => ({
  id: c.id, year: c.year, period: c.period, periodLabel: periodLabel(c.period), category: c.category, categoryLabel: CATEGORY_LABELS[c.category],
  count: c.count, note: c.note, status: c.status, statusLabel: STATUS_LABELS[c.status],
});

export const presentFee = (f: FeeEntry) => ({
  id: f.id, year: f.year, period: f.period, periodLabel: periodLabel(f.period), item: f.item, amountYuan: fenToYuan(f.amountFen), amountWanYuan: fenToWanYuan(f.amountFen),
  note: f.note, status: f.status, statusLabel: STATUS_LABELS[f.status],
});

export const presentItem = (i: ItemCount) => ({
  id: i.id, year: i.year, item: i.item, itemLabel: ITEM_LABELS[i.item], previousCount: i.previousCount, change: i.change, status: i.status, statusLabel: STATUS_LABELS[i.status],
});

export const presentProcurement = (p: Procurement) => ({
  id: p.id, year: p.year, projects: p.projects, amountYuan: fenToYuan(p.amountFen), status: p.status, statusLabel: STATUS_LABELS[p.status],
});
