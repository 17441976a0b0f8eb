// The resolvers' context (schema/context.ts) and the services in it (services/contract.ts),
// re-exported for the server, which builds them per request.
export { KycRequestContext, type RequestContext } from '../schema/context.js';
export type { Services } from '../services/contract.js';
