// Who may use the sandbox routes (/sandbox/{provider}/…), DESIGN.md "Doors closed (security)":
// - in production they answer 404 unless SANDBOX_ROUTES=on;
// - the simulators' own JSON routes (advance, faults, workspace) take only application/json
//   (415 otherwise), so a cross-site form post cannot drive them;
// - with API_KEYS set, a session's page and actions need that session's page token (carried in
//   its url) or a key of the tenant that created it (another tenant's session → 404); faults need
//   a key with the scope `sandbox:admin` and apply to that tenant's requests only; no key → 401.
// The provider APIs themselves are checked by each simulator with the provider's credentials.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ingestionId } from '../domain/ingestion.js';
import { type Provider, verificationId } from '../domain/verification.js';
import type { ProviderAdapter, SandboxAccess } from '../providers/contract.js';
import type { RequestUrl } from '../http/httpkit.js';
import type { Entity, Store } from '../store/contract.js';
import { type Authenticator, type Principal, SANDBOX_TENANT } from './auth.js';
import { SANDBOX_TENANT_HEADER } from '../observability/request-context.js';

export const SANDBOX_ADMIN_SCOPE = 'sandbox:admin';

export interface SandboxGuardOptions {
  auth: Authenticator;
  store: Store;
  /** NODE_ENV=production */
  production: boolean;
  /** SANDBOX_ROUTES=on: serve /sandbox/… in production too. */
  routesInProduction: boolean;
}

export interface SandboxRefusal {
  status: number;
  body: Record<string, unknown>;
}

const refuse = (status: number, message: string): SandboxRefusal => ({ status, body: { statusCode: status, message } });

export class SandboxGuard {
  /** Signs page tokens; per app (a sandbox session lives in this process's simulator). */
  private readonly secret = randomBytes(32);

  constructor(private readonly options: SandboxGuardOptions) {}

  /** The page token of session `ref` of provider `key` (HMAC, so nothing is stored). */
  pageToken(key: string, ref: string): string {
    return createHmac('sha256', this.secret).update(`${key}\0${ref}`, 'utf8').digest('base64url').slice(0, 32);
  }

  private validToken(key: string, ref: string, given: string | null): boolean {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.pageToken(key, ref));
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * Decides a request below /sandbox/{key}; `path` is the part after the key, without the query.
   * Returns null when the request may go on (the tenant header then names the caller where it
   * matters), or the refusal to send.
   */
  async check(req: IncomingMessage, adapter: ProviderAdapter, path: string, url: RequestUrl): Promise<SandboxRefusal | null> {
    const { auth, production, routesInProduction } = this.options;
    if (production && !routesInProduction) return refuse(404, 'Not found');
    const simulator = adapter.simulator!;
    const method = req.method ?? 'GET';
    const access: SandboxAccess | null = simulator.sandboxAccess(method, path);
    // only this guard says who the caller is; a provider call made by this server says it itself
    if (access?.kind !== 'api') delete req.headers[SANDBOX_TENANT_HEADER];
    if (auth.open) req.headers[SANDBOX_TENANT_HEADER] = SANDBOX_TENANT;

    if ((access?.kind === 'session' || access?.kind === 'admin') && method !== 'GET' && method !== 'HEAD' && method !== 'DELETE') {
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') return refuse(415, 'Send the body as content-type: application/json');
    }
    if (auth.open || access?.kind === 'api' || access?.kind === 'public') return null;
    if (!access) return refuse(404, 'Not found');

    if (access.kind === 'session' && this.validToken(adapter.key, access.ref, url.searchParams.get('token'))) return null;
    let principal: Principal;
    try {
      principal = auth.authenticate(req.headers.authorization);
    } catch (err) {
      return refuse(401, (err as Error).message);
    }
    if (access.kind === 'admin') {
      if (!(principal.scopes as ReadonlySet<string>).has(SANDBOX_ADMIN_SCOPE)) return refuse(403, `This API key lacks the scope ${SANDBOX_ADMIN_SCOPE}`);
      req.headers[SANDBOX_TENANT_HEADER] = principal.tenant;
      return null;
    }
    const owner = await this.ownerOf(adapter.provider, access.ref);
    // another tenant's session is not there for this caller
    return owner === principal.tenant ? null : refuse(404, 'No such session');
  }

  /** The tenant that created the session `ref` (a verification, ingestion or check), or null. */
  private async ownerOf(provider: Provider, ref: string): Promise<string | null> {
    const { store } = this.options;
    const [[v], [i], [c]] = await Promise.all([
      store.getMany<Entity>('verification', [verificationId(provider, ref)]),
      store.getMany<Entity>('ingestion', [ingestionId(provider, ref)]),
      store.getMany<Entity>('check', [ref]),
    ]);
    return (v ?? i ?? c)?.tenant ?? null;
  }
}
