// Who is acting: a signed-in staff member (policies apply) or the local operator at the CLI.
import type { Actor } from '../core/audit/log.ts';
import type { Staff } from './staff/model.ts';

export interface CommandContext {
  actor: Actor;
  /** null = trusted local operator (CLI on the server): no organization scope applies. */
  staff: Staff | null;
}

export const cliContext = (): CommandContext => ({
  actor: { userId: null, name: `命令行（${process.env.USER ?? 'operator'}）`, requestId: null },
  staff: null,
});

export const staffContext = (staff: Staff, requestId: string): CommandContext => ({
  actor: { userId: staff.userId, name: staff.displayName, requestId },
  staff,
});
