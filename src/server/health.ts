// GET /healthz (the process is alive) and GET /readyz (DESIGN.md "health"): ready while the store
// and the event bus answer; a provider whose circuit is open is listed in `degraded` and does not
// fail readiness; from SIGTERM on, 503 `draining`.
import type { EventBus } from '../events/contract.js';
import type { ProviderAdapter } from '../providers/contract.js';
import { FAILING_CIRCUITS } from '../providers/probe.js';
import type { ProviderResilience } from '../providers/resilience.js';
import type { Store } from '../store/contract.js';

export interface Readiness {
  status: number;
  body: Record<string, unknown>;
}

export class Health {
  private drainingSince: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly adapters: readonly ProviderAdapter[],
    private readonly resilience: ProviderResilience,
  ) {}

  /** From now on /readyz answers 503 {"status":"draining"} (SIGTERM). */
  startDraining() {
    this.drainingSince ??= Date.now();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  async readiness(): Promise<Readiness> {
    if (this.draining) return { status: 503, body: { status: 'draining' } };
    const checks: Record<string, string> = {};
    const probe = async (name: string, fn: () => Promise<void>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        checks[name] = 'up';
      } catch {
        checks[name] = 'down';
      }
    };
    await Promise.all([probe('store', () => this.store.ping()), probe('eventBus', () => this.bus.ping())]);
    if (this.draining) return { status: 503, body: { status: 'draining' } };
    const down = Object.entries(checks).filter(([, v]) => v === 'down').map(([k]) => k);
    // a provider whose circuit is open fails its calls fast until a probe gets an answer
    // (providers/probe.ts); the rest of the API still works, so the replica stays in the balancer
    const circuits = this.resilience.circuitStates(this.adapters.map((a) => a.provider));
    const degraded: string[] = [];
    for (const a of this.adapters) {
      const circuit = circuits[a.provider];
      if (FAILING_CIRCUITS.has(circuit)) degraded.push(a.key);
      checks[`provider:${a.key}`] = `${FAILING_CIRCUITS.has(circuit) ? 'degraded' : 'up'} (${a.mode}, circuit ${circuit})`;
    }
    return down.length
      ? { status: 503, body: { status: 'unavailable', down, degraded, checks } }
      : { status: 200, body: { status: 'ready', degraded, down, checks } };
  }
}
