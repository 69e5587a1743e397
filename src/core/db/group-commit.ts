// Group commit: changes of one kind that arrive while a transaction for the same key is running
// wait for it and are then committed together in the next one. Where every change must take one
// lock until commit (an organization's receipt counter), one transaction for many changes pays the
// lock, the statements around it and the commit's disk sync once instead of once per change. Nothing
// waits on a timer: a change arriving when no transaction is running starts one at once, so a
// lone change is committed as soon as before. Each process groups its own changes; several
// processes still meet at the lock, as before.

/** What one change of a group came to: its result, or the error that refused only it. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, R> {
  private readonly queues = new Map<string, Waiting<I, R>[]>();

  /**
   * `commit` runs one transaction for a group of changes of one key and settles each one; when it
   * throws, the group is retried one change at a time, so that a change that fails the transaction
   * fails alone.
   */
  constructor(
    private readonly commit: (key: string, items: I[]) => Promise<Settled<R>[]>,
    private readonly maxGroup = 64,
  ) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Commits the key's waiting changes, group after group, until none is left. */
  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const group = queue.splice(0, this.maxGroup);
      await this.commitGroup(key, group);
    }
    this.queues.delete(key);
  }

  private async commitGroup(key: string, group: Waiting<I, R>[]): Promise<void> {
    let settled: Settled<R>[];
    try {
      settled = await this.commit(key, group.map((w) => w.item));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const w of group) await this.commitGroup(key, [w]);
      return;
    }
    group.forEach((w, i) => {
      const s = settled[i]!;
      if (s.ok) w.resolve(s.value);
      else w.reject(s.error);
    });
  }
}
