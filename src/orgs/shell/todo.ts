// 待办: what waits for the signed-in staff member in the current organization, gathered from every
// module (applications, catalogue, annual report) on the console home. Each module says what it
// knows as TodoItems; this file only lays them out.
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import type { ConsoleView } from './console-layout.ts';

export interface TodoItem {
  /** What waits, in Chinese, e.g. “答复待您签发”. */
  label: string;
  /** How many (shown after the label); null for a single matter such as an annual report. */
  count: number | null;
  /** Where to act on it. */
  href: string;
  /** Past or close to a legal deadline. */
  urgent?: boolean;
  /** A short explanation after the link. */
  detail?: string;
}

export type TodoSource = (deps: AppDeps, view: ConsoleView) => Promise<TodoItem[]>;

/** The 待办 card: nothing to do is said plainly. */
export function todoPanel(items: readonly TodoItem[]): SafeHtml {
  return html`<section class="card todo" aria-labelledby="todo-title">
  <h2 id="todo-title">待办事项</h2>
  ${items.length === 0
    ? html`<p class="muted">当前机构没有等待您处理的事项。</p>`
    : html`<ul class="todo-items">${items.map(
        (i) => html`<li${i.urgent ? html` class="urgent"` : ''}><a href="${i.href}">${i.label}${i.count === null ? '' : html` <strong>${i.count}</strong> 件`}</a>${i.detail ? html` <span class="muted">${i.detail}</span>` : ''}</li>`,
      )}</ul>`}
</section>`;
}
