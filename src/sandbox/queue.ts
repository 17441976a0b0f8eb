// Runs a simulator's jobs one at a time per session, so the advances of one session reach the
// webhook receiver in the order they were made (DESIGN.md, "sandbox end-user actions").
export class PerSessionQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `job` after every earlier job of `key` has settled; resolves or rejects with it. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(job, job);
    const settled = result.catch(() => {});
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  /** Waits for every queued job (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }
}
