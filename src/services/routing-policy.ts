// The routing policy of `startVerification` (DESIGN.md, "One start for any hosted flow"): which
// hosted providers to try, in order, for an end user's country. `ROUTING_POLICY` is JSON such as
// `{"ZM":["PAWAPASS","UPPASS"],"*":["UPPASS"]}`; a country it does not name falls to `"*"`, and
// without `"*"` to the default, built from each provider's documented coverage: the providers
// that list the country first (they are the specialists there), then those serving any country,
// in registration order. A provider listed for a country it does not serve is skipped at runtime
// under `"*"`, and refused at start under the country itself.
import countries from 'i18n-iso-countries/index.js';
import { PROVIDERS, type Provider } from '../domain/verification.js';

/** Country (ISO 3166-1 alpha-2, upper case) or `*` → providers in the order to try. */
export type RoutingPolicy = ReadonlyMap<string, readonly Provider[]>;

/** What a hosted provider serves: null = any country. */
export type Coverage = ReadonlyMap<Provider, readonly string[] | null>;

export const ANY_COUNTRY = '*';

/** ISO 3166-1 alpha-2 in upper case, and a country the ISO list knows. */
export const isCountryCode = (c: string) => /^[A-Z]{2}$/.test(c) && countries.isValid(c);

/** A policy problem; the message names the bad country or provider. */
export class RoutingPolicyError extends Error {}

/** Parses `ROUTING_POLICY` (syntax, country codes, provider names); `checkPolicy` checks it against the providers. */
export function parseRoutingPolicy(raw: string): RoutingPolicy {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RoutingPolicyError('must be JSON, e.g. {"ZM":["PAWAPASS","UPPASS"],"*":["UPPASS"]}');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new RoutingPolicyError('must be a JSON object of country → list of providers');
  const policy = new Map<string, Provider[]>();
  for (const [country, list] of Object.entries(json as Record<string, unknown>)) {
    if (country !== ANY_COUNTRY && !isCountryCode(country)) {
      throw new RoutingPolicyError(`has ${JSON.stringify(country.slice(0, 20))}, which is not an ISO 3166-1 alpha-2 country code in upper case (or "*")`);
    }
    if (!Array.isArray(list) || list.length === 0) throw new RoutingPolicyError(`${country}: must be a non-empty list of providers`);
    const seen = new Set<Provider>();
    for (const p of list) {
      if (typeof p !== 'string' || !(PROVIDERS as readonly string[]).includes(p)) {
        throw new RoutingPolicyError(`${country}: ${JSON.stringify(String(p).slice(0, 20))} is not a provider (one of ${PROVIDERS.join(', ')})`);
      }
      if (seen.has(p as Provider)) throw new RoutingPolicyError(`${country}: ${p} is listed twice`);
      seen.add(p as Provider);
    }
    policy.set(country, [...seen]);
  }
  return policy;
}

/** Refuses a policy naming a provider without a hosted flow, or one under a country it does not serve. */
export function checkPolicy(policy: RoutingPolicy, coverage: Coverage): void {
  for (const [country, list] of policy) {
    for (const p of list) {
      if (!coverage.has(p)) throw new RoutingPolicyError(`${country}: ${p} has no hosted flow (hosted: ${[...coverage.keys()].join(', ')})`);
      const served = coverage.get(p);
      if (country !== ANY_COUNTRY && served && !served.includes(country)) throw new RoutingPolicyError(`${country}: ${p} does not serve ${country}`);
    }
  }
}

/** Whether `provider` serves `country` by its documented coverage. */
export const serves = (coverage: Coverage, provider: Provider, country: string) => {
  if (!coverage.has(provider)) return false;
  const served = coverage.get(provider);
  return served === null || served === undefined || served.includes(country);
};

/** The default order for a country: providers listing it first, then those serving any country. */
export function defaultRoute(coverage: Coverage, country: string): Provider[] {
  const listing = [...coverage].filter(([, c]) => c !== null && c.includes(country)).map(([p]) => p);
  const anywhere = [...coverage].filter(([, c]) => c === null).map(([p]) => p);
  return [...listing, ...anywhere];
}

/** The providers to try for `country`, in order, those not serving it left out. */
export function routeFor(policy: RoutingPolicy | null, coverage: Coverage, country: string): Provider[] {
  const order = policy?.get(country) ?? policy?.get(ANY_COUNTRY) ?? defaultRoute(coverage, country);
  return order.filter((p) => serves(coverage, p, country));
}
