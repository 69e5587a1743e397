// Changes to the disclosure catalogue: each exported function is one transaction that locks the
// item, checks the policy, applies a pure rule, writes, and appends its audit entry.
import { createHash } from 'node:crypto';
import { appendAudit } from '../core/audit/log.ts';
import { bumpPageVersions, orgScope } from '../core/http/page-versions.ts';
import { itemScope, itemVisibilityChanged, listScope } from './page-scopes.ts';
import type { CommandContext } from '../orgs/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import type { Organization } from '../orgs/model.ts';
import { DEFAULT_INDEX_TEMPLATE, formatIndexNumber } from '../orgs/rules.ts';
import { findOrgById } from '../orgs/store.ts';
import { canEnterOrg } from '../orgs/staff/scope.ts';
import { extractAttachmentText } from './attachment-text.ts';
import type { IsolateLimits } from '../core/isolate/limits.ts';
import { searchRow, versionFindings } from './checks.ts';
import {
  columnInputSchema,
  DEFAULT_STAGES,
  itemInputSchema,
  reasonSchema,
  STAGE_ROLES,
  VALIDITIES,
  VALIDITY_LABELS,
  type CatalogueSettings,
  type Column,
  type Item,
  type ItemContent,
  type ReviewStage,
  type Validity,
  type Version,
} from './model.ts';
import { cataloguePolicy } from './policy.ts';
import { cleanBody, cleanLine } from './rules/body.ts';
import { DETECTORS, maskMatch, openFindings } from './rules/confidentiality.ts';
import { interpretationLinkProblem, type LinkableItem } from './rules/interpretation.ts';
import * as review from './rules/review.ts';
import { staffingProblem, strandingProblem, submissionProblem } from './rules/review-staffing.ts';
import { hasOwnCatalogue, reviewCandidates, roundApprovals } from './staffing.ts';
import { STANDARD_COLUMNS, type StandardColumn } from './rules/standard-columns.ts';
import { changeValidity } from './rules/validity.ts';
import { checkAttachment, cleanFileName, FILE_KINDS, type FileKind } from './rules/file-type.ts';
import { z } from '../core/validation.ts';
import {
  columnUsage,
  copyAcks,
  copyAttachments,
  deleteAttachmentRow,
  deleteColumnRow,
  deleteInterpretationLink,
  deleteSearchRow,
  findColumn,
  findAttachment,
  findColumnByName,
  findItem,
  findSettings,
  findVersion,
  indexNumberTaken,
  insertAck,
  insertAttachment,
  insertColumn,
  insertInterpretationLink,
  insertItem,
  insertSettings,
  insertSignoff,
  insertVersion,
  latestVersion,
  listAcks,
  listAttachments,
  listColumns,
  listSignoffs,
  markVersionPublished,
  nextIndexSerial,
  setColumnPositions,
  setItemPublished,
  setItemValidity,
  setItemWithdrawn,
  setVersionReview,
  setVersionState,
  updateColumnRow,
  updateSettingsRow,
  updateVersionContent,
  upsertSearchRow,
} from './store.ts';
import { today } from '../core/today.ts';

type Rule = keyof typeof cataloguePolicy;

const RULE_MESSAGES: Record<Rule, string> = {
  read: '您无权查看该机构的主动公开信息',
  write: '只有本机构的信息发布员可以撰写和修改主动公开信息',
  review: '只有本机构的审核人、机关负责人或保密审查员可以审核',
  acknowledge: '只有本机构的保密审查员可以确认保密审查提示',
  withdraw: '只有本机构的审核人、机关负责人或保密审查员可以撤回已发布的信息',
  validity: '只有本机构的信息发布员、审核人或机关负责人可以变更文件有效性',
  manage: '只有本机构负责人或系统管理员可以管理栏目和审核设置',
  returnFromReview: '只有本机构负责人或系统管理员可以退回审核中的信息',
};

/** The organization, after the policy check when a staff member acts (404 outside its reach). */
async function authorizedOrg(tx: Queryable, ctx: CommandContext, orgId: number, rule: Rule): Promise<Organization> {
  const org = await findOrgById(tx, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff) {
    if (!canEnterOrg(ctx.staff, org)) throw notFound('该机构');
    if (!cataloguePolicy[rule](ctx.staff, org)) throw forbidden(RULE_MESSAGES[rule]);
  }
  return org;
}

async function lockedItem(tx: Queryable, itemId: number): Promise<{ item: Item; latest: Version }> {
  const item = await findItem(tx, itemId, { lock: true });
  if (!item) throw notFound('该信息');
  return { item, latest: (await latestVersion(tx, itemId))! };
}

const REGION_KINDS = ['province', 'city', 'county'];

// ── Setup ────────────────────────────────────────────────────────────────────

/**
 * Gives an organization its review settings and the standard catalogue the first time anyone
 * works with its catalogue (organizations are created elsewhere). Regions (省、市、县) only
 * aggregate the organizations below them and get no columns of their own.
 */
export async function ensureCatalogue(db: Database, orgId: number): Promise<CatalogueSettings> {
  const existing = await findSettings(db, orgId);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const org = await findOrgById(tx, orgId);
    if (!org) throw notFound('该机构');
    const settings: CatalogueSettings = { orgId, stages: DEFAULT_STAGES, distinctSigners: true, sensitiveWords: [] };
    // The winner of a race inserts; a concurrent caller waits on the row and then finds it.
    if (!(await insertSettings(tx, settings))) return (await findSettings(tx, orgId))!;
    let count = 0;
    if (!REGION_KINDS.includes(org.kind)) {
      const add = async (cols: StandardColumn[], parentId: number | null) => {
        for (const [i, c] of cols.entries()) {
          const row = await insertColumn(tx, {
            orgId, parentId, name: c.name, kind: c.kind ?? 'general', updateDays: c.updateDays ?? null, description: c.description ?? '', position: i + 1,
          });
          count++;
          await add(c.children ?? [], row.id);
        }
      };
      await add(STANDARD_COLUMNS, null);
    }
    await appendAudit(tx, { userId: null, name: '系统' }, {
      orgId, action: 'catalogue.setup', targetType: 'organization', targetId: orgId, summary: { columns: count, stages: settings.stages.map((s) => s.name) },
    });
    return settings;
  });
}

// ── Items ────────────────────────────────────────────────────────────────────

async function contentFrom(tx: Queryable, org: Organization, raw: unknown): Promise<ItemContent> {
  const input = itemInputSchema.parse(raw);
  const column = await findColumn(tx, input.columnId);
  if (!column || column.orgId !== org.id) throw invalid('请选择本机构的栏目');
  if (column.kind === 'guide') throw invalid('“政府信息公开指南”栏目由系统根据机构信息生成，请选择其他栏目');
  const title = cleanLine(input.title);
  if (title.length < 2) throw invalid('标题至少 2 个字');
  if (input.writtenDate && input.formedDate && input.formedDate < input.writtenDate) {
    // 变更之日 may be later than 成文日期, never earlier.
    throw invalid('形成或变更日期不能早于成文日期');
  }
  return {
    columnId: column.id,
    title,
    summary: cleanLine(input.summary),
    body: cleanBody(input.body),
    docNumber: cleanLine(input.docNumber),
    publisher: cleanLine(input.publisher) || org.fullName,
    writtenDate: input.writtenDate,
    formedDate: input.formedDate ?? input.writtenDate,
    topic: cleanLine(input.topic),
    docKind: input.docKind,
    deadlineBasis: cleanLine(input.deadlineBasis),
  };
}

const contentSummary = (c: ItemContent) => ({
  title: c.title, columnId: c.columnId, docNumber: c.docNumber, writtenDate: c.writtenDate, formedDate: c.formedDate, docKind: c.docKind, bodyLength: c.body.length,
});

/**
 * A new item as a draft, with its first attachments (the new-item form sends them with the first
 * save): the item, its version and its files in one transaction and one audit entry, or nothing.
 */
export async function createItem(
  db: Database,
  ctx: CommandContext,
  orgId: number,
  raw: unknown,
  files: readonly { fileName: string; content: Buffer }[] = [],
  limits?: IsolateLimits,
): Promise<{ item: Item; version: Version }> {
  await ensureCatalogue(db, orgId);
  if (files.length > MAX_ATTACHMENTS) throw conflict(`每条信息最多 ${MAX_ATTACHMENTS} 个附件`);
  let prepared: PreparedAttachment[] = [];
  if (files.length) {
    // Refused forms and users are refused before any file is read (reading takes a while).
    await authorizedOrg(db, ctx, orgId, 'write');
    itemInputSchema.parse(raw);
    prepared = await prepareAttachments(files, limits);
  }
  return db.transaction(async (tx) => {
    const org = await authorizedOrg(tx, ctx, orgId, 'write');
    const content = await contentFrom(tx, org, raw);
    const itemId = await insertItem(tx, org.id);
    const version = await insertVersion(tx, { ...content, orgId: org.id, itemId, version: 1, authorId: ctx.actor.userId, authorName: ctx.actor.name });
    const attachments = [];
    for (const a of prepared) attachments.push(attachmentSummary(await insertAttachment(tx, { orgId: org.id, versionId: version.id, ...a }), a));
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.create', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: 1, ...contentSummary(content), ...(attachments.length ? { attachments } : {}) },
    });
    return { item: (await findItem(tx, itemId))!, version };
  });
}

/** Saves the editor's changes to the draft version. */
export async function saveDraft(db: Database, ctx: CommandContext, itemId: number, raw: unknown): Promise<Version> {
  return db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'write');
    review.assertEditable(latest);
    const content = await contentFrom(tx, org, raw);
    const saved = await updateVersionContent(tx, latest.id, content);
    const before = contentSummary(latest) as Record<string, unknown>;
    const after = contentSummary(content) as Record<string, unknown>;
    const changed = Object.fromEntries(Object.keys(after).filter((k) => before[k] !== after[k]).map((k) => [k, { before: before[k], after: after[k] }]));
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'catalogue.item.edit', targetType: 'catalogue_item', targetId: itemId, summary: { version: latest.version, changed } });
    return saved;
  });
}

async function settingsOf(tx: Queryable, orgId: number): Promise<CatalogueSettings> {
  return (await findSettings(tx, orgId)) ?? { orgId, stages: DEFAULT_STAGES, distinctSigners: true, sensitiveWords: [] };
}

/** The version's open findings (not acknowledged by a 保密审查员). */
export async function openFindingsOf(tx: Queryable, v: Version) {
  const settings = await settingsOf(tx, v.orgId);
  const findings = versionFindings(v, await listAttachments(tx, v.id), settings.sensitiveWords);
  return { findings, open: openFindings(findings, await listAcks(tx, v.id)) };
}

const reviewState = (v: Version): review.ReviewState => ({ state: v.state, stages: v.stages, stageIndex: v.stageIndex, round: v.reviewRound, authorId: v.authorId });

export async function submitForReview(db: Database, ctx: CommandContext, itemId: number): Promise<Version> {
  return db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'write');
    const settings = await settingsOf(tx, org.id);
    const { open } = await openFindingsOf(tx, latest);
    const t = review.submit(reviewState(latest), settings.stages, open.length);
    // No submission the organization's people cannot complete: it would wait for ever (issue 21).
    const unstaffed = submissionProblem(settings.stages, await reviewCandidates(tx, org.id), latest.authorId, settings.distinctSigners);
    if (unstaffed) throw conflict(`本机构的审核目前无法完成，不能提交：${unstaffed}。请机构负责人或系统管理员调整人员的角色或审核设置`);
    await setVersionReview(tx, latest.id, { state: t.state, stages: t.stages, stageIndex: t.stageIndex, round: t.round, rejectionReason: null, submitted: true });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.submit', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, round: t.round, stages: t.stages!.map((s) => s.name) },
    });
    return (await findVersion(tx, latest.id))!;
  });
}

/** Which stage a form was showing: a decision for a stage that has moved on is refused. */
export interface ExpectedStage {
  round: number;
  stageIndex: number;
}

async function reviewContext(tx: Queryable, ctx: CommandContext, itemId: number, expected: ExpectedStage | undefined) {
  const { item, latest } = await lockedItem(tx, itemId);
  const org = await authorizedOrg(tx, ctx, item.orgId, 'review');
  if (latest.state !== 'in_review') throw conflict('该信息当前不在审核中');
  if (expected && (expected.round !== latest.reviewRound || expected.stageIndex !== latest.stageIndex)) {
    throw conflict('该审核环节已由他人处理，请刷新页面查看最新状态');
  }
  const settings = await settingsOf(tx, org.id);
  const signed = (await listSignoffs(tx, latest.id)).filter((s) => s.round === latest.reviewRound && s.decision === 'approve');
  // The trusted operator (staff null) signs as every stage role.
  const signer: review.Signer = ctx.staff ? { userId: ctx.staff.userId, roles: ctx.staff.roles } : { userId: 0, roles: STAGE_ROLES };
  return { item, latest, org, settings, signed, signer, distinct: ctx.staff ? settings.distinctSigners : false };
}

/** Signs the current stage; after the last stage the version is published. */
export async function approveStage(db: Database, ctx: CommandContext, itemId: number, expected?: ExpectedStage): Promise<{ version: Version; published: boolean; indexNumber: string | null }> {
  return db.transaction(async (tx) => {
    const { item, latest, org, signed, signer, distinct } = await reviewContext(tx, ctx, itemId, expected);
    const { open } = await openFindingsOf(tx, latest);
    const t = review.approve(reviewState(latest), signer, signed, distinct, open.length);
    const strands = distinct ? strandingProblem(reviewState(latest), signer, signed, await reviewCandidates(tx, org.id), distinct) : null;
    if (strands) throw conflict(strands);
    const stage = latest.stages![latest.stageIndex!]!;
    await insertSignoff(tx, {
      orgId: org.id, itemId, versionId: latest.id, round: latest.reviewRound, stageIndex: latest.stageIndex!, stageName: stage.name, role: stage.role,
      decision: 'approve', reason: '', userId: ctx.actor.userId, userName: ctx.actor.name,
    });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.approve', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, round: latest.reviewRound, stage: stage.name },
    });
    let indexNumber: string | null = null;
    if (t.publish) indexNumber = await publishVersion(tx, ctx, org, item, latest, today());
    else await setVersionReview(tx, latest.id, { state: t.state, stages: t.stages, stageIndex: t.stageIndex, round: t.round });
    return { version: (await findVersion(tx, latest.id))!, published: t.publish, indexNumber };
  });
}

export async function rejectStage(db: Database, ctx: CommandContext, itemId: number, raw: unknown, expected?: ExpectedStage): Promise<Version> {
  const { reason } = reasonSchema.parse(raw);
  return db.transaction(async (tx) => {
    const { org, latest, signed, signer, distinct } = await reviewContext(tx, ctx, itemId, expected);
    const t = review.reject(reviewState(latest), signer, reason, signed, distinct);
    const stage = latest.stages![latest.stageIndex!]!;
    await insertSignoff(tx, {
      orgId: org.id, itemId, versionId: latest.id, round: latest.reviewRound, stageIndex: latest.stageIndex!, stageName: stage.name, role: stage.role,
      decision: 'reject', reason, userId: ctx.actor.userId, userName: ctx.actor.name,
    });
    await setVersionReview(tx, latest.id, { state: t.state, stages: t.stages, stageIndex: null, round: t.round, rejectionReason: `${stage.name}退回：${reason}` });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.reject', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, round: latest.reviewRound, stage: stage.name, reason },
    });
    return (await findVersion(tx, latest.id))!;
  });
}

/**
 * 退回 by the organization's head or an administrator, without signing the waiting stage: the way
 * out when nobody may sign it (people left, roles changed), and always allowed while in review,
 * since it publishes nothing. Recorded as a sign-off of the stage it was waiting at.
 */
export async function returnFromReview(db: Database, ctx: CommandContext, itemId: number, raw: unknown, expected?: ExpectedStage): Promise<Version> {
  const { reason } = reasonSchema.parse(raw);
  return db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'returnFromReview');
    if (expected && latest.state === 'in_review' && (expected.round !== latest.reviewRound || expected.stageIndex !== latest.stageIndex)) {
      throw conflict('该审核环节已由他人处理，请刷新页面查看最新状态');
    }
    const t = review.returnToAuthor(reviewState(latest), reason);
    const stage = latest.stages![latest.stageIndex!]!;
    const role = ctx.staff?.roles.includes('head') && ctx.staff.homeOrgId === org.id ? 'head' : 'admin';
    const by = role === 'head' ? '机构负责人' : '系统管理员';
    await insertSignoff(tx, {
      orgId: org.id, itemId, versionId: latest.id, round: latest.reviewRound, stageIndex: latest.stageIndex!, stageName: stage.name, role,
      decision: 'reject', reason: `${reason}（${by}退回，未签署本环节）`, userId: ctx.actor.userId, userName: ctx.actor.name,
    });
    await setVersionReview(tx, latest.id, { state: t.state, stages: t.stages, stageIndex: null, round: t.round, rejectionReason: `${by}在“${stage.name}”环节退回：${reason}` });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.return', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, round: latest.reviewRound, stage: stage.name, by, reason },
    });
    return (await findVersion(tx, latest.id))!;
  });
}

/** 撤回 by an editor of the organization: the submission goes back to a draft while nobody has signed it. */
export async function recallSubmission(db: Database, ctx: CommandContext, itemId: number): Promise<Version> {
  return db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'write');
    const t = review.recall(reviewState(latest), latest.state === 'in_review' ? await roundApprovals(tx, latest) : []);
    await setVersionReview(tx, latest.id, { state: t.state, stages: t.stages, stageIndex: null, round: t.round, rejectionReason: null });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.recall', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, round: latest.reviewRound },
    });
    return (await findVersion(tx, latest.id))!;
  });
}

/**
 * The next 索引号 of an organization (domain-reference §E.1: its template, default
 * {code}/{yyyy}-{seq:05}, the serial restarting each year). Numbers already taken — e.g. by
 * imported items — are skipped, never reused.
 */
export async function allocateIndexNumber(tx: Queryable, org: Pick<Organization, 'id' | 'code' | 'indexTemplate'>, date: string): Promise<string> {
  const template = org.indexTemplate ?? DEFAULT_INDEX_TEMPLATE;
  // Without {yyyy} in the template one serial runs for ever (year 0), or numbers would repeat.
  const year = template.includes('{yyyy}') ? Number(date.slice(0, 4)) : 0;
  for (let tries = 0; tries < 10_000; tries++) {
    const seq = await nextIndexSerial(tx, org.id, year);
    const number = formatIndexNumber(template, { code: org.code, date, seq });
    if (!(await indexNumberTaken(tx, org.id, number))) return number;
  }
  throw conflict('无法分配索引号：请检查索引号模板');
}

/** Makes a version the live one: 索引号 on first publication, the old live version superseded, search updated. */
async function publishVersion(tx: Queryable, ctx: CommandContext, org: Organization, item: Item, v: Version, date: string, indexNumber?: string): Promise<string> {
  const number = item.indexNumber ?? indexNumber ?? (await allocateIndexNumber(tx, org, date));
  if (item.publishedVersionId && item.publishedVersionId !== v.id) {
    const previous = await findVersion(tx, item.publishedVersionId);
    if (previous?.state === 'published') await setVersionState(tx, previous.id, 'superseded');
  }
  await markVersionPublished(tx, v.id, date);
  await setItemPublished(tx, item.id, v.id, number);
  await upsertSearchRow(tx, searchRow(item.id, org.id, { ...v, publishedDate: date }, await listAttachments(tx, v.id)));
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: 'catalogue.item.publish', targetType: 'catalogue_item', targetId: item.id,
    summary: { version: v.version, indexNumber: number, publishedDate: date, title: v.title },
  });
  await itemVisibilityChanged(tx, org.id, item.id);
  return number;
}

const ackSchema = z.object({
  detector: z.enum(DETECTORS, { error: '提示类型无效' }),
  match: z.string().min(1).max(200),
  reason: z.string({ error: '请填写理由' }).trim().min(2, { error: '请说明可以公开的理由（至少 2 个字）' }).max(500),
});

/** A 保密审查员 confirms that a finding may be published, with the reason. */
export async function acknowledgeFinding(db: Database, ctx: CommandContext, itemId: number, raw: unknown): Promise<void> {
  const input = ackSchema.parse(raw);
  await db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'acknowledge');
    if (latest.state !== 'draft' && latest.state !== 'in_review') throw conflict('只能确认草稿或审核中的版本的提示');
    const { findings } = await openFindingsOf(tx, latest);
    const finding = findings.find((f) => f.detector === input.detector && f.match === input.match);
    if (!finding) throw conflict('该提示已不存在（内容可能已修改），请刷新页面');
    await insertAck(tx, { orgId: org.id, versionId: latest.id, detector: input.detector, matchText: input.match, reason: input.reason, userId: ctx.actor.userId, userName: ctx.actor.name });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.finding.acknowledge', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, detector: input.detector, match: maskMatch(finding), field: finding.field, reason: input.reason },
    });
  });
}

/** Takes a published item off the portal, with the reason; its versions and 索引号 are kept. */
export async function withdrawItem(db: Database, ctx: CommandContext, itemId: number, raw: unknown): Promise<void> {
  const { reason } = reasonSchema.parse(raw);
  await db.transaction(async (tx) => {
    const { item } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'withdraw');
    if (!item.publishedVersionId || item.withdrawnAt) throw conflict('该信息未发布或已撤回');
    const live = (await findVersion(tx, item.publishedVersionId))!;
    await setVersionState(tx, live.id, review.withdraw(live, reason));
    await setItemWithdrawn(tx, item.id, reason, ctx.actor.name);
    await deleteSearchRow(tx, item.id);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.item.withdraw', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: live.version, indexNumber: item.indexNumber, reason },
    });
    // Before this transaction's answer: no process serves the page from its cache after the commit.
    await itemVisibilityChanged(tx, org.id, item.id);
  });
}

/** Editing a published (or withdrawn) item: a new draft version, the old one kept and still shown. */
export async function reviseItem(db: Database, ctx: CommandContext, itemId: number): Promise<Version> {
  return db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'write');
    review.assertRevisable(latest);
    const version = await insertVersion(tx, { ...latest, orgId: org.id, itemId, version: latest.version + 1, authorId: ctx.actor.userId, authorName: ctx.actor.name });
    await copyAttachments(tx, latest.id, version.id);
    await copyAcks(tx, latest.id, version.id);
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'catalogue.item.revise', targetType: 'catalogue_item', targetId: itemId, summary: { from: latest.version, version: version.version } });
    return version;
  });
}

const validitySchema = z.object({
  validity: z.enum(VALIDITIES, { error: '有效性应为有效、失效、废止或已修订' }),
  date: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }),
  note: z.string().trim().max(200, { error: '说明不能超过 200 字' }).default(''),
});

/** 有效性 changes of a published policy document, shown on its page ([G17] 文件资料). */
export async function changeItemValidity(db: Database, ctx: CommandContext, itemId: number, raw: unknown): Promise<Item> {
  return db.transaction((tx) => changeItemValidityIn(tx, ctx, itemId, raw));
}

/** changeItemValidity inside a transaction the caller holds (demo data, bulk import). */
export async function changeItemValidityIn(tx: Queryable, ctx: CommandContext, itemId: number, raw: unknown): Promise<Item> {
  const input = validitySchema.parse(raw);
  const { item } = await lockedItem(tx, itemId);
  const org = await authorizedOrg(tx, ctx, item.orgId, 'validity');
  if (!item.publishedVersionId) throw conflict('信息发布后才能变更有效性');
  const live = (await findVersion(tx, item.publishedVersionId))!;
  const next = changeValidity({ validity: item.validity, validityDate: item.validityDate, issuedOn: live.writtenDate ?? live.publishedDate }, input.validity as Validity, input.date);
  await setItemValidity(tx, item.id, { ...next, note: input.note });
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: 'catalogue.item.validity', targetType: 'catalogue_item', targetId: itemId,
    summary: { before: VALIDITY_LABELS[item.validity], after: VALIDITY_LABELS[next.validity], date: next.validityDate, note: input.note },
  });
  // The item page's 有效性 and the badge on its column pages.
  await bumpPageVersions(tx, [itemScope(item.id), listScope(org.id)]);
  return (await findItem(tx, itemId))!;
}

/** Links a 政策解读 to the policy document it interprets (or unlinks it). Both in one organization. */
export async function setInterpretationLink(db: Database, ctx: CommandContext, policyItemId: number, interpretationItemId: number, linked: boolean): Promise<void> {
  await db.transaction((tx) => setInterpretationLinkIn(tx, ctx, policyItemId, interpretationItemId, linked));
}

const isItemId = (n: number) => Number.isSafeInteger(n) && n > 0;

/** What decides an item's side in a 解读 link: its latest version's column kind and 文件类型. */
async function linkableOf(tx: Queryable, itemId: number): Promise<LinkableItem> {
  const latest = (await latestVersion(tx, itemId))!;
  const column = (await findColumn(tx, latest.columnId))!;
  return { columnKind: column.kind, docKind: latest.docKind };
}

/** setInterpretationLink inside a transaction the caller holds (demo data, bulk import). */
export async function setInterpretationLinkIn(tx: Queryable, ctx: CommandContext, policyItemId: number, interpretationItemId: number, linked: boolean): Promise<void> {
  if (!isItemId(policyItemId) || !isItemId(interpretationItemId)) throw invalid('请选择要关联的信息');
  const policy = await findItem(tx, policyItemId, { lock: true });
  const interp = await findItem(tx, interpretationItemId);
  if (!policy || !interp) throw notFound('该信息');
  if (policy.orgId !== interp.orgId) throw notFound('本机构的该信息');
  const org = await authorizedOrg(tx, ctx, policy.orgId, 'write');
  if (policyItemId === interpretationItemId) throw invalid('不能关联信息本身');
  // Only a new link is checked: a wrong one made before the rule can always be undone.
  if (linked) {
    const problem = interpretationLinkProblem(await linkableOf(tx, policyItemId), await linkableOf(tx, interpretationItemId));
    if (problem) throw invalid(problem);
  }
  const changed = linked
    ? await insertInterpretationLink(tx, org.id, policyItemId, interpretationItemId, ctx.actor.name)
    : await deleteInterpretationLink(tx, policyItemId, interpretationItemId);
  if (!changed) return;
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: linked ? 'catalogue.interpretation.link' : 'catalogue.interpretation.unlink', targetType: 'catalogue_item', targetId: policyItemId,
    summary: { policyItemId, interpretationItemId },
  });
  // 相关解读 / 解读的政策文件 on both pages.
  await bumpPageVersions(tx, [itemScope(policyItemId), itemScope(interpretationItemId)]);
}

// ── Attachments ──────────────────────────────────────────────────────────────

/**
 * Adds a file to the draft version: its real type checked by magic bytes, its text extracted
 * (before the transaction: extraction of a large PDF takes a while) for search and the check,
 * in a worker under `limits` (the server's configuration; by default the environment's).
 */
export async function addAttachment(db: Database, ctx: CommandContext, itemId: number, file: { fileName: string; content: Buffer }, limits?: IsolateLimits): Promise<number> {
  const a = await prepareAttachment(file, limits);
  return db.transaction(async (tx) => {
    const { item, latest } = await lockedItem(tx, itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'write');
    review.assertEditable(latest);
    if ((await listAttachments(tx, latest.id)).length >= MAX_ATTACHMENTS) throw conflict(`每条信息最多 ${MAX_ATTACHMENTS} 个附件`);
    const id = await insertAttachment(tx, { orgId: org.id, versionId: latest.id, ...a });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.attachment.add', targetType: 'catalogue_item', targetId: itemId,
      summary: { version: latest.version, ...attachmentSummary(id, a) },
    });
    return id;
  });
}

const MAX_ATTACHMENTS = 20;

/** A file checked by its magic bytes, with its text: what an attachment row is made of. */
interface PreparedAttachment {
  fileName: string;
  kind: FileKind;
  mediaType: string;
  content: Buffer;
  sha256: string;
  text: string;
}

async function prepareAttachment(file: { fileName: string; content: Buffer }, limits?: IsolateLimits): Promise<PreparedAttachment> {
  const checked = checkAttachment(file.fileName, file.content);
  if ('problem' in checked) throw invalid(checked.problem);
  return {
    fileName: cleanFileName(file.fileName),
    kind: checked.kind,
    mediaType: FILE_KINDS[checked.kind].mediaType,
    content: file.content,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    text: await extractAttachmentText(checked.kind, file.content, limits),
  };
}

/** Several files: all checked before any is read, and a refusal names its file. */
async function prepareAttachments(files: readonly { fileName: string; content: Buffer }[], limits?: IsolateLimits): Promise<PreparedAttachment[]> {
  for (const f of files) {
    const checked = checkAttachment(f.fileName, f.content);
    if ('problem' in checked) throw invalid(`附件“${cleanFileName(f.fileName) || '（无名）'}”：${checked.problem}`);
  }
  const out: PreparedAttachment[] = [];
  for (const f of files) out.push(await prepareAttachment(f, limits));
  return out;
}

const attachmentSummary = (attachmentId: number, a: PreparedAttachment) => ({
  attachmentId, fileName: a.fileName, kind: a.kind, sizeBytes: a.content.length, sha256: a.sha256, textLength: a.text.length,
});

export async function removeAttachment(db: Database, ctx: CommandContext, attachmentId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const a = await findAttachment(tx, attachmentId);
    if (!a) throw notFound('该附件');
    const version = (await findVersion(tx, a.versionId))!;
    const { item, latest } = await lockedItem(tx, version.itemId);
    const org = await authorizedOrg(tx, ctx, item.orgId, 'write');
    if (latest.id !== version.id) throw conflict('只能删除正在编辑的版本的附件');
    review.assertEditable(latest);
    await deleteAttachmentRow(tx, attachmentId);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.attachment.remove', targetType: 'catalogue_item', targetId: item.id,
      summary: { version: latest.version, attachmentId, fileName: a.fileName, sha256: a.sha256 },
    });
    return item.id;
  });
}

// ── Import (trusted operator: demo data, migration of an existing site) ────────

export interface ImportedItem {
  content: unknown;
  publishedDate: string;
  /** A 索引号 from the old site (kept as free text); allocated when absent. */
  indexNumber?: string | null;
  validity?: Validity;
  validityDate?: string | null;
}

/** Publishes an item without review: only for the trusted operator (CLI, demo data). */
export async function importPublishedItem(db: Database, ctx: CommandContext, orgId: number, input: ImportedItem): Promise<Item> {
  await ensureCatalogue(db, orgId);
  return db.transaction((tx) => importPublishedItemIn(tx, ctx, orgId, input));
}

/** importPublishedItem inside a transaction the caller holds (the catalogue must be set up: ensureCatalogue). */
export async function importPublishedItemIn(tx: Queryable, ctx: CommandContext, orgId: number, input: ImportedItem): Promise<Item> {
  if (ctx.staff) throw forbidden('只有命令行操作员可以直接导入已发布的信息');
  const org = await authorizedOrg(tx, ctx, orgId, 'write');
  const content = await contentFrom(tx, org, input.content);
  const itemId = await insertItem(tx, org.id);
  const version = await insertVersion(tx, { ...content, orgId: org.id, itemId, version: 1, authorId: null, authorName: ctx.actor.name });
  if (input.indexNumber && (await indexNumberTaken(tx, org.id, input.indexNumber))) throw conflict(`索引号 ${input.indexNumber} 已被使用`);
  const item = (await findItem(tx, itemId))!;
  await publishVersion(tx, ctx, org, item, version, input.publishedDate, input.indexNumber ?? undefined);
  if (input.validity && input.validity !== 'effective') {
    await setItemValidity(tx, itemId, { validity: input.validity, validityDate: input.validityDate ?? input.publishedDate, note: '' });
  }
  return (await findItem(tx, itemId))!;
}

// ── Columns and settings ─────────────────────────────────────────────────────

async function checkParent(tx: Queryable, orgId: number, parentId: number | null, selfId: number | null): Promise<void> {
  if (parentId === null) return;
  const columns = await listColumns(tx, orgId);
  const byId = new Map(columns.map((c) => [c.id, c]));
  if (!byId.has(parentId)) throw invalid('上级栏目不属于本机构');
  for (let p: Column | undefined = byId.get(parentId); p; p = p.parentId ? byId.get(p.parentId) : undefined) {
    if (p.id === selfId) throw invalid('栏目不能放在自己或自己的下级栏目之下');
  }
}

export async function createColumn(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<Column> {
  const input = columnInputSchema.parse(raw);
  await ensureCatalogue(db, orgId);
  return db.transaction(async (tx) => {
    const org = await authorizedOrg(tx, ctx, orgId, 'manage');
    await checkParent(tx, org.id, input.parentId, null);
    if (await findColumnByName(tx, org.id, input.parentId, input.name)) throw conflict(`栏目“${input.name}”已存在`);
    const column = await insertColumn(tx, { orgId: org.id, ...input });
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'catalogue.column.create', targetType: 'catalogue_column', targetId: column.id, summary: { after: input } });
    // Column names and the column tree show on the organization's column and item pages.
    await bumpPageVersions(tx, [orgScope(org.id)]);
    return column;
  });
}

export async function updateColumn(db: Database, ctx: CommandContext, columnId: number, raw: unknown): Promise<Column> {
  const input = columnInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const before = await findColumn(tx, columnId);
    if (!before) throw notFound('该栏目');
    const org = await authorizedOrg(tx, ctx, before.orgId, 'manage');
    await checkParent(tx, org.id, input.parentId, columnId);
    const same = await findColumnByName(tx, org.id, input.parentId, input.name);
    if (same && same.id !== columnId) throw conflict(`栏目“${input.name}”已存在`);
    const after = await updateColumnRow(tx, columnId, input);
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'catalogue.column.update', targetType: 'catalogue_column', targetId: columnId, summary: { before, after: input } });
    // Column names and the column tree show on the organization's column and item pages.
    await bumpPageVersions(tx, [orgScope(org.id)]);
    return after;
  });
}

/** Moves a column one place up or down among its siblings. */
export async function moveColumn(db: Database, ctx: CommandContext, columnId: number, direction: 'up' | 'down'): Promise<void> {
  await db.transaction(async (tx) => {
    const column = await findColumn(tx, columnId);
    if (!column) throw notFound('该栏目');
    const org = await authorizedOrg(tx, ctx, column.orgId, 'manage');
    const siblings = (await listColumns(tx, org.id)).filter((c) => c.parentId === column.parentId);
    const i = siblings.findIndex((c) => c.id === columnId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return;
    [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
    await setColumnPositions(tx, siblings.map((c) => c.id));
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'catalogue.column.move', targetType: 'catalogue_column', targetId: columnId, summary: { direction, position: j + 1 } });
    // Column names and the column tree show on the organization's column and item pages.
    await bumpPageVersions(tx, [orgScope(org.id)]);
  });
}

/** Deletes a column that has never held an item and has no sub-columns. */
export async function deleteColumn(db: Database, ctx: CommandContext, columnId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const column = await findColumn(tx, columnId);
    if (!column) throw notFound('该栏目');
    const org = await authorizedOrg(tx, ctx, column.orgId, 'manage');
    const usage = await columnUsage(tx, columnId);
    if (usage.children > 0) throw conflict('该栏目下还有子栏目，不能删除');
    if (usage.versions > 0) throw conflict('该栏目中有（或曾有）信息，不能删除；可以改名或调整');
    await deleteColumnRow(tx, columnId);
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'catalogue.column.delete', targetType: 'catalogue_column', targetId: columnId, summary: { before: column } });
    // Column names and the column tree show on the organization's column and item pages.
    await bumpPageVersions(tx, [orgScope(org.id)]);
  });
}

const settingsSchema = z.object({
  stages: z.array(z.object({ name: z.string().trim(), role: z.enum(STAGE_ROLES, { error: '审核环节的角色无效' }) })).max(10),
  distinctSigners: z.boolean(),
  sensitiveWords: z.array(z.string().trim().max(50, { error: '敏感词不能超过 50 个字' })).max(500, { error: '敏感词不能超过 500 个' }),
});

export async function updateSettings(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<CatalogueSettings> {
  const input = settingsSchema.parse(raw);
  const stages: ReviewStage[] = input.stages.filter((s) => s.name);
  const problem = review.stagesProblem(stages);
  if (problem) throw invalid(problem);
  await ensureCatalogue(db, orgId);
  return db.transaction(async (tx) => {
    const org = await authorizedOrg(tx, ctx, orgId, 'manage');
    const before = await settingsOf(tx, org.id);
    const after: CatalogueSettings = { orgId: org.id, stages, distinctSigners: input.distinctSigners, sensitiveWords: [...new Set(input.sensitiveWords.filter(Boolean))] };
    // A new review chain must be one the organization's people can complete. An unchanged one is
    // not refused (the page warns about it), so sensitive words can still be saved meanwhile.
    const chain = (c: Pick<CatalogueSettings, 'stages' | 'distinctSigners'>) => `${c.distinctSigners}:${c.stages.map((x) => `${x.name}/${x.role}`).join(',')}`;
    const chainChanged = chain(before) !== chain(after);
    const unstaffed = chainChanged && hasOwnCatalogue(org) ? staffingProblem(stages, await reviewCandidates(tx, org.id), after.distinctSigners) : null;
    if (unstaffed) throw invalid(`本机构的人员无法完成这样的审核：${unstaffed}。请先调整人员的角色，或改用本机构人员能够完成的审核环节`);
    await updateSettingsRow(tx, after);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'catalogue.settings.update', targetType: 'organization', targetId: org.id,
      summary: { before: { stages: before.stages, distinctSigners: before.distinctSigners, words: before.sensitiveWords.length }, after: { stages, distinctSigners: after.distinctSigners, words: after.sensitiveWords.length } },
    });
    return after;
  });
}

