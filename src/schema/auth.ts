// Who is asking and what they may do: the scopes an API key carries, the principal a request acts
// as, and the checks resolvers make. Authentication (API keys → principal) is server/auth.ts.
import type { AuthChecker } from 'type-graphql';
import { forbidden } from '../errors.js';

export const SCOPES = [
  'verifications:read',
  'verifications:write',
  'checks:read',
  'checks:write',
  'ingestions:read',
  'ingestions:write',
  // erase a subject's data (eraseSubject) and read the audit trail (auditLog)
  'subjects:erase',
  'audit:read',
  // sandbox only: inject faults into a simulator (for the caller's own requests)
  'sandbox:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  tenant: string;
  scopes: ReadonlySet<Scope>;
  /** Who acts, for the audit trail: `<tenant>:<first 8 hex of the key's sha256>` (never the key), or `sandbox`. */
  actor: string;
}

export const SANDBOX_TENANT = 'sandbox';
export const SANDBOX_PRINCIPAL: Principal = { tenant: SANDBOX_TENANT, scopes: new Set(SCOPES), actor: SANDBOX_TENANT };

export function requireScope(principal: Principal, scope: Scope) {
  if (!principal.scopes.has(scope)) throw forbidden(`This API key lacks the scope ${scope}`);
}

/** type-graphql's @Authorized('scope') check. */
export const scopeChecker: AuthChecker<{ principal: Principal }> = ({ context }, scopes) => {
  for (const scope of scopes) requireScope(context.principal, scope as Scope);
  return true;
};
