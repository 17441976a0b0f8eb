// Routing keys for the event bus (BusEvent.routes / SubscribeOptions.route): a subscription for
// one verification, subject or user is only asked about events carrying its key, so delivering
// an event costs the same with 10 or 10,000 subscribers. Keys are per tenant.

/** `tenant|field|value`; null when there is no value to route by. */
export function routeKey(tenant: string, field: 'id' | 'subject' | 'user', value: string | null | undefined): string | null {
  return value == null ? null : `${tenant}|${field}|${value}`;
}

/** The routing keys of an event: every key that is set, distinct. */
export function routesOf(...keys: (string | null)[]): string[] {
  const out: string[] = [];
  for (const k of keys) if (k !== null && !out.includes(k)) out.push(k);
  return out;
}
