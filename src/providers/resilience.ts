// Upstream resilience for every provider call (cockatiel): a retry policy that only retries what
// is safe (GETs and POSTs carrying a provider idempotency key) on 429/502/503/504 and network
// errors, with exponential backoff, full jitter and Retry-After honoured; and one circuit breaker
// per provider that fails fast while the provider is down and probes at a bounded rate.
import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';

export interface ResilienceOptions {
  /** Attempts per call including the first (RETRY_MAX_ATTEMPTS, default 3). */
  maxAttempts: number;
  /** First backoff ceiling in ms; doubles per attempt, full jitter (RETRY_BASE_MS, default 200). */
  baseDelayMs: number;
  /** Backoff ceiling in ms (default 5000). */
  maxDelayMs: number;
  /** A Retry-After longer than this (s) is not waited for; the caller gets RATE_LIMITED (default 10). */
  maxRetryAfterSeconds: number;
  /** Consecutive failures that open a provider's circuit (BREAKER_THRESHOLD, default 5). */
  breakerThreshold: number;
  /** Time an open circuit waits before letting one probe call through (BREAKER_HALF_OPEN_MS, default 10000). */
  halfOpenAfterMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxRetryAfterSeconds: 10,
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
};

/** A provider answer or failure that counts against the provider's health. */
export class UpstreamFailure extends Error {
  constructor(
    /** Safe to try again (429/502/503/504, network error, timeout). */
    readonly transient: boolean,
    /** Counts towards opening the circuit (5xx, network error, timeout; not 429). */
    readonly breaks: boolean,
    /** Seconds from Retry-After, when the provider sent one. */
    readonly retryAfterSeconds: number | null,
    /** What to hand back to the caller when no attempt is left (a response or an error). */
    readonly outcome: unknown,
  ) {
    super('upstream failure');
  }
}

export type CircuitName = 'closed' | 'open' | 'half-open' | 'isolated';
const STATE_NAMES: Record<CircuitState, CircuitName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/**
 * One app's retry policy settings and circuit breakers, one breaker per provider. Created by
 * createApp and handed to its adapters, so two apps in one process (two replicas in a test, a
 * blue/green pair) never share a circuit (issue 12, point 5).
 */
export class ProviderResilience {
  readonly options: ResilienceOptions;
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(options: Partial<ResilienceOptions> = {}) {
    this.options = { ...DEFAULT_RESILIENCE, ...options };
  }

  /** Closes every circuit (tests, or an operator after a known-good deploy). */
  reset() {
    this.breakers.clear();
  }

  /** Each provider's circuit state (providers that were never called are closed). */
  circuitStates(providers: readonly string[]): Record<string, CircuitName> {
    return Object.fromEntries(providers.map((p) => [p, this.breakers.has(p) ? STATE_NAMES[this.breakers.get(p)!.state] : 'closed']));
  }

  private breakerFor(provider: string): CircuitBreakerPolicy {
    let b = this.breakers.get(provider);
    if (!b) {
      b = circuitBreaker(
        handleWhen((e) => e instanceof UpstreamFailure && e.breaks),
        { halfOpenAfter: this.options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.options.breakerThreshold) },
      );
      this.breakers.set(provider, b);
    }
    return b;
  }

  /**
   * Runs `attempt` under the provider's breaker, retrying when `retryable` and the failure is
   * transient. `attempt` throws UpstreamFailure for failures; the last one's `outcome` is returned
   * (a response) or thrown (an error) when attempts run out. Any other error (e.g. a request that
   * could not even be built, so it never left this process) passes through and never counts
   * against the circuit.
   */
  run<T>(provider: string, retryable: boolean, attempt: () => Promise<T>): Promise<T> {
    return withResilience(this, provider, retryable, attempt);
  }

  /** @internal */
  breaker(provider: string) {
    return this.breakerFor(provider);
  }
}

export { BrokenCircuitError };

async function withResilience<T>(r: ProviderResilience, provider: string, retryable: boolean, attempt: () => Promise<T>): Promise<T> {
  const options = r.options;
  const retryPolicy = retry(
    handleWhen(
      (e) =>
        retryable &&
        e instanceof UpstreamFailure &&
        e.transient &&
        (e.retryAfterSeconds === null || e.retryAfterSeconds <= options.maxRetryAfterSeconds),
    ),
    {
      maxAttempts: options.maxAttempts - 1, // cockatiel counts retries, we count attempts
      backoff: new DelegateBackoff((ctx) => {
        const failure = 'error' in ctx.result ? ctx.result.error : null;
        if (failure instanceof UpstreamFailure && failure.retryAfterSeconds !== null) return failure.retryAfterSeconds * 1000;
        const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (ctx.attempt - 1));
        return Math.round(Math.random() * ceiling);
      }),
    },
  );
  try {
    return await wrap(retryPolicy, r.breaker(provider)).execute(attempt);
  } catch (err) {
    if (err instanceof UpstreamFailure) {
      if (err.outcome instanceof Error) throw err.outcome;
      return err.outcome as T;
    }
    throw err;
  }
}
