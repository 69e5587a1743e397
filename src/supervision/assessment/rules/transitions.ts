// Who may do what in which state (issue 17 §3: 任务分解 and 整改), as pure functions in the style of
// applications/rules/transitions.ts. The office (县政府办: its administrators and supervisors) writes and
// publishes the tasks, accepts or returns an agency's report, sends rectification items and confirms or
// reopens their closing; the agency (its editor, head or administrator) reports progress and closes items.

export const TASK_STATES = ['draft', 'published'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = { draft: '草稿', published: '已发布' };

export const PROGRESS_STATES = ['open', 'submitted', 'accepted', 'returned'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];
export const PROGRESS_STATE_LABELS: Record<ProgressState, string> = { open: '未完成', submitted: '已报送待审核', accepted: '已验收', returned: '已退回' };

export const RECTIFICATION_STATES = ['open', 'closed', 'confirmed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = { open: '整改中', closed: '已报整改完成待确认', confirmed: '已确认整改完成' };

/** Which side acts: the office that assigns, or the agency that carries out. */
export type Side = 'office' | 'agency';

type Outcome<S> = { to: S } | { error: string };

export type TaskAction = 'edit' | 'publish' | 'delete';
/** A task of the breakdown: written and published by the office; published tasks are kept as published. */
export function taskTransition(state: TaskState, action: TaskAction, side: Side): Outcome<TaskState> {
  if (side !== 'office') return { error: '任务分解由政府办公室发布，部门不能修改' };
  if (state !== 'draft') return { error: '任务已发布，不能再修改、删除或重复发布' };
  if (action === 'publish') return { to: 'published' };
  return { to: 'draft' };
}

export type ProgressAction = 'save' | 'submit' | 'accept' | 'return';
/**
 * An agency's part of a published task: it saves progress and submits it as done (again after a
 * return); the office accepts a submitted report or returns it with a reason.
 */
export function progressTransition(state: ProgressState, action: ProgressAction, side: Side, taskState: TaskState = 'published'): Outcome<ProgressState> {
  if (taskState !== 'published') return { error: '任务尚未发布' };
  switch (action) {
    case 'save':
    case 'submit':
      if (side !== 'agency') return { error: '完成情况由承担任务的部门报送' };
      if (state === 'submitted') return { error: '已报送，等待政府办公室审核' };
      if (state === 'accepted') return { error: '任务已验收，不能再修改' };
      return { to: action === 'submit' ? 'submitted' : state };
    case 'accept':
    case 'return':
      if (side !== 'office') return { error: '只有政府办公室可以验收或退回' };
      if (state !== 'submitted') return { error: '部门尚未报送完成情况' };
      return { to: action === 'accept' ? 'accepted' : 'returned' };
  }
}

export type RectificationAction = 'close' | 'confirm' | 'reopen';
/** A rectification item: the agency closes it with evidence; the office confirms the closing or reopens it. */
export function rectificationTransition(state: RectificationState, action: RectificationAction, side: Side): Outcome<RectificationState> {
  if (action === 'close') {
    if (side !== 'agency') return { error: '整改完成情况由整改部门报送' };
    if (state !== 'open') return { error: state === 'closed' ? '已报整改完成，等待确认' : '整改已确认完成' };
    return { to: 'closed' };
  }
  if (side !== 'office') return { error: '只有政府办公室可以确认或重新打开整改事项' };
  if (state !== 'closed') return { error: '整改部门尚未报整改完成' };
  return { to: action === 'confirm' ? 'confirmed' : 'open' };
}
