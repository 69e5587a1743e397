// Dated events that cannot describe a real case (a reply before the letter was sent, …).
// The commands that record events must prevent these; the clock refuses to compute on them.
export class ClockInputError extends Error {
  readonly code = 'CLOCK_INPUT';
  constructor(message: string) {
    super(`办理时限无法计算：${message}`);
    this.name = 'ClockInputError';
  }
}
