// Dated events that cannot describe a real case (a reply before the letter was sent, …).
// The commands that record events must prevent these; the clock refuses to compute on them.
import { DomainError } from '../../core/errors.ts';

export class ClockInputError extends DomainError {
  constructor(message: string) {
    super('CLOCK_INPUT', `办理时限无法计算：${message}`);
    this.name = 'ClockInputError';
  }
}
