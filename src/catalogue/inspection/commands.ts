// Inspections of an agency's catalogue (issue 17 §2, 国办秘函〔2019〕19号, domain-reference §D.4), and the
// wording list. runInspection reads the live and in-review versions, applies the rules (暗链, 表述错误,
// links), asks external links over HTTP when the checker is on — all before the transaction — then
// stores the run and its findings (first-seen dates carried over from earlier runs) with one audit entry.
import { appendAudit, SYSTEM_ACTOR } from '../../core/audit/log.ts';
import type { Database } from '../../core/db/database.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import { checkLinks, uncheckedLink, type LinkCheckOptions, type LinkResult } from '../../core/link-check.ts';
import { today } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgById } from '../../orgs/store.ts';
import { bodyText } from '../rules/body.ts';
import { findHiddenLinks } from './hidden-links.ts';
import { classifyLink, linksOfVersion, type InternalTarget } from './links.ts';
import { inspectionPolicy } from './policy.ts';
import {
  deactivateWordingRule,
  existingPortalTargets,
  findWordingRule,
  firstSeenDates,
  insertFindings,
  insertRun,
  INSPECTION_RULES,
  seedDefaultWording,
  upsertWordingRule,
  versionsToInspect,
  wordingRulesFor,
  type FindingInput,
  type InspectionRule,
  type InspectionRun,
  type RunSummary,
  type StoredWordingRule,
} from './store.ts';
import type { UnansweredMessagesCount } from './unanswered.ts';
import { findWording, WORDING_KIND_LABELS, type WordingKind } from './wording.ts';

export interface InspectionOptions {
  /** Ask external links over HTTP (config.linkCheck, or `--links`); otherwise they are 未检查. */
  checkLinks: boolean;
  linkOptions?: LinkCheckOptions;
  /** Host names of this portal: absolute links to them are internal. */
  internalHosts?: readonly string[];
  /** §D.4 互动回应差: the messages module's count, given by src/app (src/app/interaction-hooks.ts UNANSWERED_MESSAGES). */
  unansweredMessages: UnansweredMessagesCount;
}

export interface InspectionResult {
  run: InspectionRun;
  findings: (FindingInput & { firstSeen: string })[];
}

async function orgOf(db: Database, orgId: number): Promise<Organization> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  return org;
}

/** The global list is written from the shipped file on first use (audited once, as the system). */
export async function ensureDefaultWording(db: Database): Promise<void> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from catalogue_wording_rules where org_id is null');
  if (row!.n > 0) return;
  await db.transaction(async (tx) => {
    const n = await seedDefaultWording(tx);
    if (n) await appendAudit(tx, SYSTEM_ACTOR, { orgId: null, action: 'catalogue.wording.seed', targetType: 'catalogue_wording_rules', targetId: 'global', summary: { entries: n } });
  });
}

const fingerprintOf = (...parts: (string | number | null)[]) => parts.map((p) => String(p ?? '')).join('\u001f');

/** Runs an inspection of one organization's catalogue and stores it. */
export async function runInspection(db: Database, ctx: CommandContext, orgId: number, opts: InspectionOptions): Promise<InspectionResult> {
  const org = await orgOf(db, orgId);
  if (ctx.staff && !inspectionPolicy.run(ctx.staff, org)) throw forbidden('只有本机构的工作人员或上级系统管理员可以开始内容检查');
  await ensureDefaultWording(db);
  const runOn = today();
  const [versions, wordingRules] = await Promise.all([versionsToInspect(db, org.id), wordingRulesFor(db, org.path)]);
  const findings: FindingInput[] = [];

  // 暗链 and 表述错误: pure rules on the stored content.
  for (const v of versions) {
    const base = { itemId: v.itemId, versionId: v.versionId, versionState: v.state, link: '', sentence: '', suggestion: '', detail: '' };
    for (const h of findHiddenLinks(v.body)) {
      findings.push({ ...base, rule: 'hidden_link', fingerprint: fingerprintOf('hidden_link', v.itemId, h.href), link: h.href, sentence: h.text, detail: h.reason, place: '正文' });
    }
    const texts: [string, string][] = [['标题', v.title], ['摘要', v.summary], ['正文', bodyText(v.body)], ...v.attachments.map((a): [string, string] => [`附件《${a.fileName}》`, a.text])];
    for (const [place, text] of texts) {
      for (const w of findWording(text, wordingRules, { date: v.date ?? runOn })) {
        findings.push({
          ...base, rule: 'wording', fingerprint: fingerprintOf('wording', v.itemId, w.wrong, w.sentence), link: '', sentence: w.sentence,
          suggestion: w.right, detail: `${WORDING_KIND_LABELS[w.kind]}：“${w.wrong}”应为“${w.right}”`, place,
        });
      }
    }
  }

  // Links: internal ones against the database, external ones over HTTP when the checker is on.
  const internal: { v: (typeof versions)[number]; href: string; place: string; target: InternalTarget }[] = [];
  const external: { v: (typeof versions)[number]; href: string; url: string; place: string }[] = [];
  let internalLinks = 0;
  for (const v of versions) {
    for (const l of linksOfVersion(v)) {
      const c = classifyLink(l.href, opts.internalHosts);
      if (c.kind === 'internal') {
        internalLinks++;
        if (c.target) internal.push({ v, href: l.href, place: l.place, target: c.target });
      } else if (c.kind === 'external') external.push({ v, href: l.href, url: c.url, place: l.place });
    }
  }
  const exists = await existingPortalTargets(db, {
    items: [...new Set(internal.flatMap((l) => (l.target.kind === 'item' ? [l.target.id] : [])))],
    orgCodes: [...new Set(internal.flatMap((l) => (l.target.kind === 'org' ? [l.target.code] : [])))],
    columns: [...new Set(internal.flatMap((l) => (l.target.kind === 'column' ? [l.target.id] : [])))],
    attachments: [...new Set(internal.flatMap((l) => (l.target.kind === 'attachment' ? [l.target.id] : [])))],
  });
  const MISSING: Record<InternalTarget['kind'], string> = { item: '本站信息不存在或已撤回', org: '本站机构不存在', column: '本站栏目不存在', attachment: '本站附件不存在或已撤回' };
  for (const l of internal) {
    const t = l.target;
    const ok = t.kind === 'item' ? exists.items.has(t.id) : t.kind === 'org' ? exists.orgCodes.has(t.code) : t.kind === 'column' ? exists.columns.has(t.id) : exists.attachments.has(t.id);
    if (!ok) {
      findings.push({
        rule: 'dead_link', itemId: l.v.itemId, versionId: l.v.versionId, versionState: l.v.state, fingerprint: fingerprintOf('dead_link', l.v.itemId, l.href),
        link: l.href, sentence: '', suggestion: '', detail: `无法访问（${MISSING[t.kind]}）`, place: l.place,
      });
    }
  }
  const results: Map<string, LinkResult> = opts.checkLinks
    ? await checkLinks(external.map((l) => l.url), opts.linkOptions)
    : new Map(external.map((l) => [l.url, uncheckedLink(l.url)]));
  for (const l of external) {
    const r = results.get(l.url)!;
    if (r.state === 'ok' || r.state === 'unchecked') continue;
    findings.push({
      rule: 'dead_link', itemId: l.v.itemId, versionId: l.v.versionId, versionState: l.v.state, fingerprint: fingerprintOf('dead_link', l.v.itemId, l.href),
      link: l.href, sentence: '', suggestion: '', detail: r.label, place: l.place,
    });
  }
  const unanswered = await opts.unansweredMessages(db, org.id, runOn);

  // One finding per fingerprint (a link in the body and in an attachment counts once per item).
  const unique = [...new Map(findings.map((f) => [f.fingerprint, f])).values()];
  const counts = Object.fromEntries(INSPECTION_RULES.map((r) => [r, unique.filter((f) => f.rule === r).length])) as Record<InspectionRule, number>;
  counts.unanswered = unanswered;
  const summary: RunSummary = {
    items: new Set(versions.map((v) => v.itemId)).size,
    versions: versions.length,
    links: internalLinks + external.length,
    internalLinks,
    externalLinks: external.length,
    unchecked: opts.checkLinks ? 0 : new Set(external.map((l) => l.url)).size,
  };

  return db.transaction(async (tx) => {
    const seen = await firstSeenDates(tx, org.id, unique.map((f) => f.fingerprint));
    const stored = unique.map((f) => ({ ...f, firstSeen: seen.get(f.fingerprint) ?? runOn }));
    const run = await insertRun(tx, { orgId: org.id, runOn, linksChecked: opts.checkLinks, summary, counts, createdByName: ctx.actor.name });
    await insertFindings(tx, org.id, run.id, stored);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.inspection', targetType: 'catalogue_inspection_run', targetId: run.id,
      summary: { runOn, linksChecked: opts.checkLinks, counts, ...summary, carriedOver: stored.filter((f) => f.firstSeen !== runOn).length },
    });
    return { run, findings: stored };
  });
}

// ── The wording list ─────────────────────────────────────────────────────────

export interface WordingInput {
  wrong: string;
  right: string;
  kind: string;
  except?: string;
  since?: string;
  /** For the whole platform (an administrator of the top organization), else the organization and those below it. */
  global?: boolean;
}

/** Adds an entry to an organization's list (or the global one). */
export async function addWordingRule(db: Database, ctx: CommandContext, orgId: number, input: WordingInput): Promise<StoredWordingRule> {
  const org = await orgOf(db, orgId);
  if (ctx.staff && !(input.global ? inspectionPolicy.editGlobalWording(ctx.staff) : inspectionPolicy.editWording(ctx.staff, org))) {
    throw forbidden(input.global ? '只有最上级机构的系统管理员可以修改全局清单' : '只有系统管理员可以修改表述错误清单');
  }
  const wrong = input.wrong.trim();
  const right = input.right.trim();
  if (!wrong || wrong.length > 50) throw invalid('错误表述：请填写 1 至 50 个字');
  if (!right || right.length > 50) throw invalid('正确表述：请填写 1 至 50 个字');
  if (wrong === right) throw invalid('正确表述与错误表述相同');
  if (!(input.kind in WORDING_KIND_LABELS)) throw invalid('类别：请选择机关名称错误、机关名称已变更或错别字');
  const since = input.since?.trim() || null;
  if (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw invalid('起始日期格式应为 YYYY-MM-DD');
  const except = (input.except ?? '').split(/[，,、\s]+/).map((s) => s.trim()).filter(Boolean);
  const bad = except.find((e) => !e.includes(wrong));
  if (bad) throw invalid(`例外词语“${bad}”应包含错误表述“${wrong}”`);
  await ensureDefaultWording(db);
  return db.transaction(async (tx) => {
    const saved = await upsertWordingRule(tx, input.global ? null : org.id, { wrong, right, kind: input.kind as WordingKind, except, since }, ctx.actor.name);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.wording.add', targetType: 'catalogue_wording_rule', targetId: saved.id,
      summary: { wrong, right, kind: input.kind, except, since, global: !!input.global },
    });
    return saved;
  });
}

/** Removes an entry (kept, inactive: a removed default is not written again). */
export async function removeWordingRule(db: Database, ctx: CommandContext, orgId: number, ruleId: number): Promise<void> {
  const org = await orgOf(db, orgId);
  const rule = Number.isSafeInteger(ruleId) && ruleId > 0 ? await findWordingRule(db, ruleId) : undefined;
  if (!rule || (rule.orgId !== null && rule.orgId !== org.id)) throw notFound('该条目');
  if (ctx.staff && !(rule.orgId === null ? inspectionPolicy.editGlobalWording(ctx.staff) : inspectionPolicy.editWording(ctx.staff, org))) {
    throw forbidden(rule.orgId === null ? '只有最上级机构的系统管理员可以修改全局清单' : '只有系统管理员可以修改表述错误清单');
  }
  await db.transaction(async (tx) => {
    await deactivateWordingRule(tx, rule.id);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.wording.remove', targetType: 'catalogue_wording_rule', targetId: rule.id,
      summary: { wrong: rule.wrong, right: rule.right, global: rule.orgId === null },
    });
  });
}
