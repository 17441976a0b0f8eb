// A simulator's sessions, bounded: each is evicted `ttlMs` after it was created, and beyond
// `maxSessions` the oldest goes first. Entries sit in a Map in creation order, so the expired ones
// are always at its head: they are dropped lazily, on access and on insert, a few at a time (no
// timer, no scan over all sessions). Rewriting a session keeps its place and its deadline.

/** Default lifetime of a sandbox session in the store: 30 days (longer than any provider's own expiry). */
export const SESSION_TTL_MS = 30 * 86_400_000;
/** Default most sessions one simulator keeps. */
export const MAX_SESSIONS = 100_000;

export interface SessionStoreOptions {
  /** How long after its creation a session is forgotten. Default SESSION_TTL_MS. */
  ttlMs?: number;
  /** Most sessions kept; the oldest is evicted first. Default MAX_SESSIONS. */
  maxSessions?: number;
  /** The clock (tests inject one). Default Date.now. */
  now?: () => number;
}

export class SessionStore<V> {
  private readonly entries = new Map<string, { value: V; evictAt: number }>();
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? SESSION_TTL_MS;
    this.maxSessions = options.maxSessions ?? MAX_SESSIONS;
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    this.evictExpired();
    return this.entries.get(key)?.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Stores a session; a new key starts its TTL now, an existing one keeps its place and deadline. */
  set(key: string, value: V): this {
    const existing = this.entries.get(key);
    if (existing) existing.value = value;
    else {
      this.entries.set(key, { value, evictAt: this.now() + this.ttlMs });
      if (this.entries.size > this.maxSessions) this.entries.delete(this.entries.keys().next().value!);
    }
    this.evictExpired();
    return this;
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    this.evictExpired();
    return this.entries.size;
  }

  /** Live sessions, oldest first. */
  *values(): IterableIterator<V> {
    this.evictExpired();
    for (const e of this.entries.values()) yield e.value;
  }

  *keys(): IterableIterator<string> {
    this.evictExpired();
    yield* this.entries.keys();
  }

  /** Drops expired sessions from the head: the Map is in deadline order, so it stops at the first live one. */
  private evictExpired(): void {
    const now = this.now();
    for (const [key, e] of this.entries) {
      if (e.evictAt > now) return;
      this.entries.delete(key);
    }
  }
}
