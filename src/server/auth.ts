// API keys, tenants and scopes. Keys are configured as SHA-256 hashes (API_KEYS), so the
// configuration never holds a usable key. Every request and WebSocket presents one as
// `Authorization: Bearer <key>`, unless no keys are configured and every provider is in sandbox
// mode: then requests act as the single `sandbox` tenant (DESIGN.md, "API keys").
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../domain/digest.js';
import { unauthenticated } from '../errors.js';
import { type Principal, SANDBOX_PRINCIPAL, type Scope, SCOPES } from '../schema/auth.js';

// the principal and scope checks live with the resolvers (schema/auth.ts); re-exported for the server
export { type Principal, requireScope, SANDBOX_PRINCIPAL, SANDBOX_TENANT, type Scope, SCOPES, scopeChecker } from '../schema/auth.js';

export interface ApiKeyEntry {
  /** Lowercase hex SHA-256 of the key. */
  sha256: string;
  tenant: string;
  scopes: Scope[];
}

export const hashApiKey = (key: string) => sha256Hex(key);

/** A new random key and the API_KEYS entry that admits it (`npm run apikey -- <tenant> <scopes…>`). */
export function newApiKey(tenant: string, scopes: Scope[]) {
  const key = `kyc_${randomBytes(24).toString('base64url')}`;
  return { key, entry: { sha256: hashApiKey(key), tenant, scopes } satisfies ApiKeyEntry };
}

/** Parses API_KEYS (a JSON array of entries); throws a message naming what is wrong. */
export function parseApiKeys(raw: string): ApiKeyEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('must be a JSON array of {"sha256","tenant","scopes"} entries');
  }
  if (!Array.isArray(value) || value.length === 0) throw new Error('must be a non-empty JSON array');
  return value.map((e, i) => {
    const entry = e as Partial<ApiKeyEntry>;
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) throw new Error(`entry ${i}: sha256 must be 64 lowercase hex characters`);
    if (typeof entry.tenant !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(entry.tenant)) throw new Error(`entry ${i}: tenant must be 1-64 letters, digits, _ . -`);
    if (!Array.isArray(entry.scopes) || entry.scopes.some((s) => !(SCOPES as readonly string[]).includes(s))) {
      throw new Error(`entry ${i}: scopes must be a list of ${SCOPES.join(', ')}`);
    }
    return { sha256: entry.sha256, tenant: entry.tenant, scopes: entry.scopes as Scope[] };
  });
}

export class Authenticator {
  private readonly byHash: Map<string, Principal> | null;
  /**
   * Keys already seen to be valid, so a client's next request skips the SHA-256 (~5 µs of a
   * cached read's CPU, issue 18). Only valid keys are kept, so it holds at most one entry per
   * configured key; an invalid key is hashed on every attempt.
   */
  private readonly valid = new Map<string, Principal>();

  /** `entries` null: open sandbox (no keys configured, every provider in sandbox). */
  constructor(
    entries: ApiKeyEntry[] | null,
    private readonly hash: (key: string) => string = hashApiKey,
  ) {
    this.byHash = entries ? new Map(entries.map((e) => [e.sha256, { tenant: e.tenant, scopes: new Set(e.scopes), actor: `${e.tenant}:${e.sha256.slice(0, 8)}` }])) : null;
  }

  get open() {
    return this.byHash === null;
  }

  /** The principal for an Authorization header value; throws UNAUTHENTICATED. */
  authenticate(authorization: string | undefined | null): Principal {
    if (!this.byHash) return SANDBOX_PRINCIPAL;
    // the usual form of a key seen before, without the pattern (every key in `valid` matched it)
    if (authorization?.startsWith('Bearer ')) {
      const seen = this.valid.get(authorization.slice(7));
      if (seen) return seen;
    }
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) throw unauthenticated('Send an API key as `Authorization: Bearer <key>`');
    const known = this.valid.get(m[1]);
    if (known) return known;
    const principal = this.byHash.get(this.hash(m[1]));
    if (!principal) throw unauthenticated('The API key is not valid');
    if (this.valid.size < this.byHash.size) this.valid.set(m[1], principal);
    return principal;
  }
}
