// Publishing an annual report (pure). The first publication puts the report on the portal; a later
// one replaces what the public reads, so it is a revision: it needs a 修订说明, which the portal
// shows with the date, and the earlier versions stay readable. Publishing with open findings
// (errors or warnings of the validator) needs an explicit confirmation, so nobody publishes past a
// warning they did not see. 条例第二十六条: information that changed is published again in time,
// and 条例第四十九条: the annual report is public — the public must be able to tell that it changed.

export interface PublishRequest {
  /** The version the person looked at (a newer one makes the request stale). */
  expectedVersion?: number;
  /** 修订说明: what was revised and why; required when a version is already published. */
  revisionNote?: string;
  /** The person confirmed: the findings they saw, and replacing the published version. */
  confirmed?: boolean;
}

export interface PublishSituation {
  currentVersion: number;
  publishedVersion: number | null;
  errors: number;
  warnings: number;
}

export const MAX_REVISION_NOTE = 500;

/** What publishing now asks of the person, in the words of the form. */
export function publishRequirements(s: PublishSituation): { revision: boolean; confirmations: string[] } {
  const confirmations: string[] = [];
  if (s.errors || s.warnings) {
    confirmations.push(`第 ${s.currentVersion} 版有 ${[s.errors ? `${s.errors} 条错误` : '', s.warnings ? `${s.warnings} 条警告` : ''].filter(Boolean).join('、')}，我已逐条核对，仍要发布`);
  }
  if (s.publishedVersion !== null) confirmations.push(`公开门户上的第 ${s.publishedVersion} 版将被第 ${s.currentVersion} 版替换，并公示修订日期和修订说明`);
  return { revision: s.publishedVersion !== null, confirmations };
}

export interface PublishRefusal {
  /** conflict: the report is not as the person saw it (a newer version, already published); else the request lacks something. */
  kind: 'conflict' | 'incomplete';
  message: string;
}

/** Why this request may not publish (Chinese, for the form and the API), or null. */
export function publishRefusal(s: PublishSituation, r: PublishRequest): PublishRefusal | null {
  const conflict = (message: string): PublishRefusal => ({ kind: 'conflict', message });
  const incomplete = (message: string): PublishRefusal => ({ kind: 'incomplete', message });
  if (r.expectedVersion !== undefined && r.expectedVersion !== s.currentVersion) return conflict(`报告已有更新的第 ${s.currentVersion} 版，请查看后再发布`);
  if (s.publishedVersion === s.currentVersion) return conflict(`第 ${s.currentVersion} 版已经发布`);
  const needs = publishRequirements(s);
  const note = (r.revisionNote ?? '').trim();
  if (needs.revision && !note) return incomplete(`公开门户上已有第 ${s.publishedVersion} 版：再次发布是对公开报告的修订，请填写修订说明（修订了什么、为什么），公开门户将与修订日期一并公示`);
  if (note.length > MAX_REVISION_NOTE) return incomplete(`修订说明不能超过 ${MAX_REVISION_NOTE} 个字`);
  if (needs.confirmations.length && !r.confirmed) return incomplete(`发布前请确认：${needs.confirmations.join('；')}`);
  return null;
}
