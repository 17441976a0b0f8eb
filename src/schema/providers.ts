// `providers`: each provider's mode and circuit-breaker state, for dashboards and support.
import { Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Provider as ProviderValue } from '../domain/verification.js';
import type { RequestContext } from './context.js';
import { Provider } from './verification.js';

export const ProviderMode = { SANDBOX: 'SANDBOX', LIVE: 'LIVE' } as const;
registerEnumType(ProviderMode, {
  name: 'ProviderMode',
  description: 'Whether a provider is the in-process simulator or the real API.',
  valuesConfig: {
    SANDBOX: { description: 'The simulator under /sandbox/{provider} answers; nothing real happens.' },
    LIVE: { description: "The provider's real API, with live credentials." },
  },
});

export const CircuitState = { CLOSED: 'CLOSED', OPEN: 'OPEN', HALF_OPEN: 'HALF_OPEN', ISOLATED: 'ISOLATED' } as const;
registerEnumType(CircuitState, {
  name: 'CircuitState',
  description: "The circuit breaker in front of a provider's API.",
  valuesConfig: {
    CLOSED: { description: 'Healthy: calls go through.' },
    OPEN: { description: 'The provider failed repeatedly: calls fail fast with PROVIDER_UNAVAILABLE until a probe succeeds.' },
    HALF_OPEN: { description: 'One probe call is testing whether the provider is back.' },
    ISOLATED: { description: 'Held open by an operator.' },
  },
});

@ObjectType({ description: 'One provider as this server sees it.' })
export class ProviderState {
  @Field(() => Provider, { description: 'The provider.' }) provider!: ProviderValue;
  @Field(() => ProviderMode, { description: 'Sandbox (simulator) or live API.' }) mode!: keyof typeof ProviderMode;
  @Field(() => CircuitState, { description: 'Circuit breaker state; OPEN means its operations fail fast right now.' }) circuit!: keyof typeof CircuitState;
}

@Resolver()
export class ProvidersResolver {
  @Query(() => [ProviderState], { description: 'Every configured provider with its mode and circuit-breaker state.' })
  providers(@Ctx() ctx: RequestContext): ProviderState[] {
    const adapters = [...ctx.services.adapters.values()];
    const states = ctx.services.resilience.circuitStates(adapters.map((a) => a.provider));
    return adapters.map((a) => ({
      provider: a.provider,
      mode: a.mode === 'sandbox' ? 'SANDBOX' : 'LIVE',
      circuit: states[a.provider].toUpperCase().replace('-', '_') as keyof typeof CircuitState,
    }));
  }
}
