// The timers a simulator owns (a session's deadline, a worker's next step, a webhook retry), so
// close() stops every one of them. A keyed timer replaces the key's pending one; a deadline past
// setTimeout's ~24.8-day cap, or a timeout that Node fires before the deadline, is re-armed:
// `fn` never runs early by the set's clock. All timers are unref'd.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class TimerSet {
  private readonly keyed = new Map<string, NodeJS.Timeout>();
  private readonly loose = new Set<NodeJS.Timeout>();
  private closed = false;

  /** `now`: the clock deadlines are read against (tests inject one). */
  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `fn` in `delayMs`; with a `key`, replaces that key's pending timer. */
  after(delayMs: number, fn: () => void, key?: string): void {
    this.at(this.now() + Math.max(0, delayMs), fn, key);
  }

  /** Runs `fn` at `when` (epoch ms, by this set's clock); with a `key`, replaces that key's pending timer. */
  at(when: number, fn: () => void, key?: string): void {
    if (this.closed) return;
    if (key !== undefined) this.cancel(key);
    const wait = when - this.now();
    const t = setTimeout(() => {
      if (key === undefined) this.loose.delete(t);
      else if (this.keyed.get(key) === t) this.keyed.delete(key);
      // not yet `when` by this set's clock: past setTimeout's cap, or fired early (Node runs a
      // timeout by the loop's cached time, which can lag Date.now() after a busy turn): wait again
      if (this.now() < when) this.at(when, fn, key);
      else fn();
    }, Math.min(MAX_TIMEOUT_MS, Math.max(0, wait)));
    t.unref();
    if (key === undefined) this.loose.add(t);
    else this.keyed.set(key, t);
  }

  /** Cancels the pending timer of `key`, if any. */
  cancel(key: string): void {
    const t = this.keyed.get(key);
    if (t) clearTimeout(t);
    this.keyed.delete(key);
  }

  /** Timers still to fire. */
  get pending(): number {
    return this.keyed.size + this.loose.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Clears every pending timer; later ones are not armed. */
  close(): void {
    this.closed = true;
    for (const t of this.keyed.values()) clearTimeout(t);
    for (const t of this.loose) clearTimeout(t);
    this.keyed.clear();
    this.loose.clear();
  }
}
