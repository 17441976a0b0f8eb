// GET /healthz (the process is alive) and GET /readyz (the store and the event bus answer; each
// provider's circuit).
import type { ProviderAdapter } from '../providers/contract.js';
import { circuitStates } from '../providers/resilience.js';
import type { EventBus } from '../events/contract.js';
import type { Store } from '../store/contract.js';

export interface Readiness {
  status: number;
  body: Record<string, unknown>;
}

export function readinessCheck(store: Store, bus: EventBus, adapters: readonly ProviderAdapter[]) {
  return async function readiness(): Promise<Readiness> {
    const checks: Record<string, string> = {};
    const probe = async (name: string, fn: () => Promise<void>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        checks[name] = 'up';
      } catch {
        checks[name] = 'down';
      }
    };
    await Promise.all([probe('store', () => store.ping()), probe('eventBus', () => bus.ping())]);
    // a provider whose circuit is open is down: its calls fail fast until a probe succeeds
    const circuits = circuitStates(adapters.map((a) => a.provider));
    for (const a of adapters) {
      checks[`provider:${a.key}`] = circuits[a.provider] === 'open' || circuits[a.provider] === 'isolated' ? 'down' : `up (${a.mode}, circuit ${circuits[a.provider]})`;
    }
    const down = Object.entries(checks).filter(([, v]) => v === 'down').map(([k]) => k);
    return { status: down.length ? 503 : 200, body: { status: down.length ? 'unavailable' : 'ready', down, checks } };
  };
}
