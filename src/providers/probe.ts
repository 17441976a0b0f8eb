// Lets an open circuit close on its own when nothing else calls the provider: a background loop
// sends one cheap documented read (a GET of an id that does not exist, answered 404; the
// provider's token endpoint first where it has one) through the provider's circuit breaker once
// it is due. A 404 is an answer, so the breaker closes; a 5xx or timeout keeps it open.
// At most one probe per provider per `intervalMs` (PROVIDER_PROBE_INTERVAL_MS, default 30 s).
import type { Logger } from 'pino';
import type { ProviderAdapter } from './contract.js';
import type { CircuitName } from './resilience.js';

/** An id no provider will have; UUID-shaped for APIs that validate ids (Uphold, Upvest). */
export const PROBE_ID = '00000000-0000-4000-8000-00000000beef';

/** The cheapest read the adapter offers, whatever its answer (an Error in the result is fine). */
export async function probeProvider(adapter: ProviderAdapter): Promise<void> {
  if (adapter.fetchVerifications) await adapter.fetchVerifications([PROBE_ID]);
  else if (adapter.fetchIngestions) await adapter.fetchIngestions([{ providerRef: PROBE_ID, source: 'SUMSUB', userId: null }]);
  else if (adapter.checks) await adapter.checks.getCheck(PROBE_ID, PROBE_ID);
}

/** A circuit in one of these states fails calls fast: readiness lists its provider in `degraded`. */
export const FAILING_CIRCUITS: ReadonlySet<CircuitName> = new Set(['open', 'half-open', 'isolated']);

export interface ProberOptions {
  intervalMs: number;
  log?: Logger;
  /** For tests: the clock, the circuit states and the probe call. */
  now?: () => number;
  states: (providers: readonly string[]) => Record<string, CircuitName>;
  probe?: (adapter: ProviderAdapter) => Promise<void>;
}

export class CircuitProber {
  /** When each provider was last probed (or first seen open). */
  private readonly last = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly states: (providers: readonly string[]) => Record<string, CircuitName>;
  private readonly probe: (adapter: ProviderAdapter) => Promise<void>;
  /** Probes sent, per provider (tests, logs). */
  readonly sent = new Map<string, number>();

  constructor(private readonly adapters: readonly ProviderAdapter[], private readonly options: ProberOptions) {
    this.now = options.now ?? Date.now;
    this.states = options.states;
    this.probe = options.probe ?? probeProvider;
  }

  /**
   * Probes every provider whose circuit is open and whose last probe (or the moment its circuit
   * was first seen open) is at least `intervalMs` ago. Resolves when the probes sent have ended.
   */
  async tick(): Promise<void> {
    const states = this.states(this.adapters.map((a) => a.provider));
    const now = this.now();
    const due: ProviderAdapter[] = [];
    for (const a of this.adapters) {
      if (states[a.provider] !== 'open') {
        if (states[a.provider] === 'closed') this.last.delete(a.provider);
        continue;
      }
      const last = this.last.get(a.provider);
      if (last === undefined) this.last.set(a.provider, now);
      else if (now - last >= this.options.intervalMs && !this.inFlight.has(a.provider)) due.push(a);
    }
    await Promise.all(due.map((a) => this.probeOne(a, now)));
  }

  private async probeOne(a: ProviderAdapter, now: number) {
    this.last.set(a.provider, now);
    this.inFlight.add(a.provider);
    this.sent.set(a.provider, (this.sent.get(a.provider) ?? 0) + 1);
    try {
      await this.probe(a);
    } catch {
      // the breaker has counted it; the circuit stays open until a later probe gets an answer
    } finally {
      this.inFlight.delete(a.provider);
      const state = this.states([a.provider])[a.provider];
      this.options.log?.info({ provider: a.key, circuit: state }, 'provider circuit probed');
    }
  }

  /** Checks every `min(1 s, intervalMs / 10)` until `stop`. */
  start() {
    const every = Math.max(10, Math.min(1000, Math.floor(this.options.intervalMs / 10)));
    this.timer = setInterval(() => void this.tick(), every);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
