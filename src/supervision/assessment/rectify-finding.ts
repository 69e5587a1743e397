// The 整改 button beside a finding of another module (orgs/shell/finding-action.ts): offered to the
// administrators and supervisors of the nearest government office above the agency, it sends the
// finding, with its source, as a rectification item of that office (commands.createRectification).
import { addDays } from '../../core/date.ts';
import { html } from '../../core/html.ts';
import { today } from '../../core/today.ts';
import { csrfField } from '../../orgs/shell/console-layout.ts';
import type { FindingAction } from '../../orgs/shell/finding-action.ts';
import { ancestorsOf } from '../../orgs/store.ts';
import { assessmentPolicy } from './policy.ts';

/** Days an agency is given to rectify a finding, unless the office sets another deadline. */
export const DEFAULT_RECTIFICATION_DAYS = 30;

export const rectifyFindingAction: FindingAction = async (deps, view) => {
  const office = (await ancestorsOf(deps.db, view.org)).filter((o) => assessmentPolicy.manage(view.staff, o)).at(-1);
  if (!office) return null;
  const deadline = addDays(today(), DEFAULT_RECTIFICATION_DAYS);
  return (f) => html`<form method="post" action="/console/assessment/rectifications" class="rectify-finding">${csrfField(view.csrf)}
<input type="hidden" name="officeId" value="${office.id}"><input type="hidden" name="orgId" value="${f.orgId}"><input type="hidden" name="sourceKind" value="inspection">
<input type="hidden" name="sourceRef" value="${f.source}"><input type="hidden" name="finding" value="${f.text}">
<label class="small">整改时限 <input type="date" name="deadline" value="${deadline}" required></label> <button type="submit" class="secondary">转为整改事项</button></form>`;
};
