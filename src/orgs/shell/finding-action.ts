// What a supervisor may do with a finding another module shows (issue 17 §3: “each finding the office
// sends, whether from an inspection or a score, becomes a rectification item”): the inspection page
// lists its findings; the assessment module, through `app`, adds a button that sends one as a 整改 item.
// The page asks once per request (prepare) and renders the button per finding; null = nothing to offer.
import type { SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import type { ConsoleView } from './console-layout.ts';

export interface FindingForAction {
  /** The organization the finding is about. */
  orgId: number;
  /** Where it was found, in Chinese, e.g. “2026-11-20 内容检查 · 错链”. */
  source: string;
  /** The finding itself, in Chinese, as the agency should read it. */
  text: string;
}

export type FindingAction = (deps: AppDeps, view: ConsoleView) => Promise<((finding: FindingForAction) => SafeHtml) | null>;
