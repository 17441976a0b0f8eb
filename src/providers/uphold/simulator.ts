// A faithful local Uphold KYC Connector: the OAuth2 token endpoint, per-source create endpoints
// (refusing a source verification that is not approved), get, list, the KYC overview, a worker
// that moves each ingestion QUEUED → RUNNING → FINISHED at a configurable pace, and a signed
// Standard Webhooks delivery on creation and every status change. Served under /sandbox/uphold
// (kit: src/sandbox; model: simulator-model.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http/httpkit.js';
import { retryAfterHeader } from '../../sandbox/faults.js';
import { parseJson, requestParts, secretEquals } from '../../sandbox/http.js';
import { SandboxKit } from '../../sandbox/kit.js';
import type { AdvanceRules } from '../../sandbox/lifecycle.js';
import { SessionStore } from '../../sandbox/sessions.js';
import { inFlight, requestCounts } from '../../sandbox/stats.js';
import { doubling } from '../../sandbox/webhooks.js';
import { routeAccess, type SandboxAccess } from '../../sandbox/access.js';
import type { Simulator } from '../contract.js';
import { TOKEN_PATH } from './client.js';
import {
  RESULT_KEY,
  UPHOLD_INGESTION_STATUSES,
  type UpholdError,
  type UpholdIngestion,
  type UpholdIngestionStatus,
  type UpholdKycOverview,
  type UpholdSource,
  type UpholdVeriffSession,
  type UpholdWebhookEvent,
} from './mapper.js';
import { fixtureState, newUserOverview, outcome, SANDBOX_MARKERS, validateProcesses } from './simulator-model.js';
import { signedHeaders } from './webhook.js';

export { fixtureState, SANDBOX_MARKERS };

export interface UpholdSimulatorOptions {
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/uphold */
  webhookUrl: () => string;
  /** How long each worker step takes (QUEUED → RUNNING, RUNNING → FINISHED). Default 500 ms. */
  stepMs?: number;
  /** Lifetime of access tokens. Default 600 s, the documented example. */
  tokenTtlSeconds?: number;
  /**
   * The user a single-user client belongs to (UPHOLD_USER_ID): its tokens act as that user and
   * need no X-On-Behalf-Of. null: an organisation-wide client, which must name the user.
   */
  clientUserId?: string | null;
}

interface Token {
  expiresAt: number;
  scopes: Set<string>;
}

const API_ROUTES = ['create', 'get', 'list', 'overview'] as const;
type ApiRoute = (typeof API_ROUTES)[number];

interface SimIngestion {
  ingestion: UpholdIngestion;
  sourceRef: string;
}

const RANK: Record<UpholdIngestionStatus, number> = { queued: 0, running: 1, finished: 2 };

const error = (code: string, message: string, errors?: UpholdError['errors']): UpholdError => ({ code, message, ...(errors ? { errors } : {}) });

type FieldErrors = NonNullable<UpholdError['errors']>;

export class UpholdSimulator implements Simulator {
  private readonly tokens: SessionStore<Token>;
  private readonly ingestions = new SessionStore<SimIngestion>();
  /** KYC overview per user (GET /core/kyc). */
  private readonly overviews = new SessionStore<UpholdKycOverview['processes']>();
  /**
   * Webhooks: on failure retried in the background (1 s doubling, ±25 % jitter, at most 8
   * attempts; Uphold's schedule is not documented). A fault may name the one API route it fails.
   */
  private readonly kit = new SandboxKit<{ route: ApiRoute | null }>({
    webhookUrl: () => this.options.webhookUrl(),
    retry: doubling(8, { capMs: 60_000, jitter: 0.25 }),
    faults: {
      extra: (b) => (b.route != null && !(API_ROUTES as readonly unknown[]).includes(b.route) ? `"route" must be one of ${API_ROUTES.join(', ')}` : { route: (b.route as ApiRoute | undefined) ?? null }),
    },
  });
  /** Requests received per route; tests read it to count upstream calls. */
  readonly requests = requestCounts('token', 'create', 'get', 'list', 'overview');

  constructor(private readonly options: UpholdSimulatorOptions) {
    this.tokens = new SessionStore({ ttlMs: (options.tokenTtlSeconds ?? 600) * 1000 });
  }

  private get stepMs() {
    return this.options.stepMs ?? 500;
  }

  /** Webhook deliveries attempted (including retries). */
  get webhooksSent(): number {
    return this.kit.webhooks.sent;
  }

  /** Revokes every access token (tests: the client must fetch a new one after a 401). */
  revokeTokens() {
    this.tokens.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const { url, p, method } = requestParts(req, path);
    if (p === TOKEN_PATH && method === 'POST') {
      this.requests.token++;
      this.issueToken(req, res, rawBody);
      return true;
    }
    if (p.startsWith('/kyc-connector/') || p.startsWith('/core/')) return inFlight(this.requests, () => this.api(req, res, p, method, url, rawBody));
    return this.kit.routes(res, p, method, rawBody, this.advance);
  }

  private async api(req: IncomingMessage, res: ServerResponse, p: string, method: string, url: URL, rawBody: Buffer): Promise<boolean> {
    let m: RegExpExecArray | null;
    const route =
      method === 'POST' && (m = /^\/kyc-connector\/(sumsub|veriff)\/ingestions$/.exec(p))
        ? { name: 'create' as const, source: m[1] as UpholdSource, scope: `kyc-connector.${m[1]}.ingestions:create` }
        : method === 'GET' && (m = /^\/kyc-connector\/(sumsub|veriff)\/ingestions$/.exec(p))
          ? { name: 'list' as const, source: m[1] as UpholdSource, scope: `kyc-connector.${m[1]}.ingestions:read` }
          : method === 'GET' && (m = /^\/kyc-connector\/(sumsub|veriff)\/ingestions\/([^/]+)$/.exec(p))
            ? { name: 'get' as const, source: m[1] as UpholdSource, id: decodeURIComponent(m[2]), scope: `kyc-connector.${m[1]}.ingestions:read` }
            : method === 'GET' && p === '/core/kyc'
              ? { name: 'overview' as const, scope: 'core.kyc:read' }
              : null;
    if (!route) return false;
    this.requests[route.name]++;
    const fault = await this.kit.faults.take(res, (f) => !f.route || f.route === route.name);
    if (fault) {
      sendJson(res, fault.status, error(fault.status === 429 ? 'too_many_requests' : 'service_unavailable', 'Simulated fault'), retryAfterHeader(fault));
      return true;
    }
    const token = this.bearer(req);
    if (!token) {
      sendJson(res, 401, error('unauthorized', 'The access token is missing, invalid or expired'));
      return true;
    }
    // provider-specs/uphold.md: an organisation-wide client acts for a user with
    // `X-On-Behalf-Of: user {id}` and the scope core.users:act-on-behalf-of; a single-user
    // client's token is its user's and needs no header
    const actingFor = this.onBehalfOf(req);
    const userId = actingFor ?? this.options.clientUserId ?? null;
    for (const needed of actingFor ? [route.scope, 'core.users:act-on-behalf-of'] : [route.scope]) {
      if (!token.scopes.has(needed)) {
        sendJson(res, 403, error('forbidden', `The access token lacks the scope ${needed}`));
        return true;
      }
    }
    if (!userId) {
      sendJson(res, 400, error('validation_failed', 'X-On-Behalf-Of must be "user {userId}"', { 'X-On-Behalf-Of': [{ code: 'required', message: 'This value is required' }] }));
      return true;
    }
    if (route.name === 'create') this.create(res, route.source, userId, rawBody);
    else if (route.name === 'get') {
      const sim = this.ingestions.get(route.id);
      if (!sim || sim.ingestion.provider !== route.source || sim.ingestion.userId !== userId) sendJson(res, 404, error('not_found', 'Ingestion not found'));
      else sendJson(res, 200, { ingestion: sim.ingestion });
    } else if (route.name === 'list') this.list(res, route.source, userId, url.searchParams);
    else sendJson(res, 200, this.overview(userId));
    return true;
  }

  /** POST /core/oauth2/token: client credentials in HTTP Basic, form-encoded body. */
  private issueToken(req: IncomingMessage, res: ServerResponse, rawBody: Buffer) {
    const auth = req.headers.authorization;
    const decoded = typeof auth === 'string' && auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
    const expected = `${this.options.clientId}:${this.options.clientSecret}`;
    if (!secretEquals(decoded, expected)) {
      sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      return;
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'Body must be application/x-www-form-urlencoded' });
      return;
    }
    const form = new URLSearchParams(rawBody.toString('utf8'));
    if (form.get('grant_type') !== 'client_credentials') {
      sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'Only client_credentials is supported' });
      return;
    }
    const scope = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const ttl = this.options.tokenTtlSeconds ?? 600;
    const value = randomBytes(24).toString('base64url');
    this.tokens.set(value, { expiresAt: Date.now() + ttl * 1000, scopes: new Set(scope) });
    sendJson(res, 200, { access_token: value, expires_in: ttl, scope: scope.join(' '), token_type: 'Bearer' });
  }

  private bearer(req: IncomingMessage): Token | null {
    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) return null;
    const token = this.tokens.get(auth.slice(7));
    if (!token || token.expiresAt <= Date.now()) return null;
    return token;
  }

  private onBehalfOf(req: IncomingMessage): string | null {
    const h = req.headers['x-on-behalf-of'];
    const m = typeof h === 'string' ? /^user (\S+)$/.exec(h.trim()) : null;
    return m ? m[1] : null;
  }

  private create(res: ServerResponse, source: UpholdSource, userId: string, rawBody: Buffer) {
    const body = parseJson(rawBody) as Record<string, unknown> | undefined;
    const errors: FieldErrors = {};
    const add = (field: string, code: string, message: string) => (errors[field] ??= []).push({ code, message });
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      sendJson(res, 400, error('validation_failed', 'Body must be a JSON object'));
      return;
    }
    const processes = validateProcesses(body.processes, 'processes', add);
    let sourceRef = '';
    let parameters: UpholdIngestion['parameters'];
    if (source === 'sumsub') {
      if (typeof body.shareToken !== 'string' || !body.shareToken) add('shareToken', 'required', 'This value is required');
      sourceRef = String(body.shareToken ?? '');
      parameters = { shareToken: sourceRef };
    } else {
      const sessions = body.sessions;
      if (!Array.isArray(sessions) || sessions.length < 1) add('sessions', 'required', 'At least one session is required');
      const list = (Array.isArray(sessions) ? sessions : []) as Partial<UpholdVeriffSession>[];
      list.forEach((s, i) => {
        if (!s || typeof s.sessionId !== 'string' || !s.sessionId) add(`sessions[${i}].sessionId`, 'required', 'This value is required');
        if (!s || typeof s.integrationName !== 'string' || !s.integrationName) add(`sessions[${i}].integrationName`, 'required', 'This value is required');
        const sp = validateProcesses(s?.processes, `sessions[${i}].processes`, add);
        for (const p of sp) if (!processes.includes(p)) add(`sessions[${i}].processes`, 'invalid', `${p} is not one of the ingestion's processes`);
      });
      // every requested process must come from some session (IDV and PoA sessions may be combined)
      for (const p of processes) if (!list.some((s) => Array.isArray(s?.processes) && s.processes.includes(p))) add('processes', 'invalid', `no session provides ${p}`);
      sourceRef = String(list[0]?.sessionId ?? '');
      parameters = { sessions: list as UpholdVeriffSession[] };
    }
    if (Object.keys(errors).length) {
      sendJson(res, 400, error('validation_failed', 'The request is not valid', errors));
      return;
    }
    const refs = source === 'sumsub' ? [sourceRef] : (parameters! as { sessions: UpholdVeriffSession[] }).sessions.map((s) => s.sessionId);
    for (const ref of refs) {
      const state = fixtureState(ref);
      const what = source === 'sumsub' ? 'Sumsub applicant for this share token' : `Veriff session ${ref}`;
      if (state === null) {
        sendJson(res, 404, error('provider_verification_not_found', `The ${what} was not found`));
        return;
      }
      if (state !== 'approved') {
        sendJson(res, 409, error('provider_verification_not_approved', `The ${what} is ${state}; only approved verifications can be ingested`));
        return;
      }
    }
    const now = new Date().toISOString();
    const ingestion: UpholdIngestion = {
      id: randomUUID(),
      userId,
      status: 'queued',
      processes,
      provider: source,
      parameters: parameters!,
      result: {},
      startedAt: null,
      finishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.ingestions.set(ingestion.id, { ingestion, sourceRef });
    sendJson(res, 201, { ingestion });
    // after the reply: the created event, then the worker
    void this.kit.inOrder(ingestion.id, () => this.notify(ingestion.id, 'created'));
    if (!sourceRef.includes(SANDBOX_MARKERS.hold)) this.scheduleStep(ingestion.id);
  }

  private list(res: ServerResponse, source: UpholdSource, userId: string, q: URLSearchParams) {
    const perPage = q.has('perPage') ? Number(q.get('perPage')) : 10;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      sendJson(res, 400, error('validation_failed', 'perPage must be an integer from 1 to 100', { perPage: [{ code: 'invalid', message: 'Must be between 1 and 100' }] }));
      return;
    }
    let offset = 0;
    if (q.get('cursor')) {
      offset = Number(Buffer.from(q.get('cursor')!, 'base64url').toString('utf8'));
      if (!Number.isInteger(offset) || offset < 0) {
        sendJson(res, 400, error('validation_failed', 'cursor is not valid', { cursor: [{ code: 'invalid', message: 'Invalid cursor' }] }));
        return;
      }
    }
    const mine = [...this.ingestions.values()].map((s) => s.ingestion).filter((i) => i.provider === source && i.userId === userId).reverse();
    const page = mine.slice(offset, offset + perPage);
    const cursor = (n: number) => Buffer.from(String(n), 'utf8').toString('base64url');
    sendJson(res, 200, { ingestions: page, pagination: { first: cursor(0), next: offset + perPage < mine.length ? cursor(offset + perPage) : null } });
  }

  private overview(userId: string): UpholdKycOverview {
    const processes = this.overviews.get(userId) ?? newUserOverview();
    const statuses = Object.values(processes).map((p) => p.status);
    const status = statuses.includes('failed') ? 'failed' : statuses.every((s) => s === 'ok' || s === 'exempt') ? 'ok' : 'pending';
    return { summary: { status, reason: status === 'ok' ? 'none' : status === 'failed' ? 'processes-failed' : 'processes-pending' }, processes };
  }

  /** Sandbox-only: POST /{id}/advance {"to": "running" | "finished"}. */
  private readonly advance: AdvanceRules<UpholdIngestionStatus, SimIngestion> = {
    statuses: UPHOLD_INGESTION_STATUSES,
    noun: 'ingestion',
    session: (id) => this.ingestions.get(id),
    move: async ({ ingestion }, to) => (RANK[to] <= RANK[ingestion.status] ? { conflict: ingestion.status } : { delivered: await this.transition(ingestion.id, to) }),
    answer: ({ ingestion }) => ({ id: ingestion.id, status: ingestion.status }),
  };

  /** The worker: one step forward after `stepMs`, then the next, until finished. */
  private scheduleStep(id: string) {
    this.kit.timers.after(this.stepMs, () => {
      void this.kit.inOrder(id, async () => {
        const sim = this.ingestions.get(id);
        if (!sim || sim.ingestion.status === 'finished') return;
        await this.transition(id, sim.ingestion.status === 'queued' ? 'running' : 'finished');
        if (this.ingestions.get(id)?.ingestion.status !== 'finished') this.scheduleStep(id);
      });
    });
  }

  private async transition(id: string, to: UpholdIngestionStatus): Promise<boolean> {
    const sim = this.ingestions.get(id)!;
    const i = sim.ingestion;
    const now = new Date().toISOString();
    const next: UpholdIngestion = { ...i, status: to, updatedAt: now };
    if (to === 'running' || (to === 'finished' && !i.startedAt)) next.startedAt = now;
    if (to === 'running') next.result = Object.fromEntries(i.processes.map((p) => [RESULT_KEY[p], { status: 'processing' }]));
    if (to === 'finished') {
      next.finishedAt = now;
      next.result = Object.fromEntries(i.processes.map((p) => [RESULT_KEY[p], outcome(p, sim.sourceRef, i.id)]));
      this.submitToPlatform(i.userId, next, sim.sourceRef);
    }
    sim.ingestion = next;
    return this.notify(id, 'status-changed');
  }

  /** What the platform's KYC processes look like after the ingestion submitted its data (the seed's note). */
  private submitToPlatform(userId: string, i: UpholdIngestion, sourceRef: string) {
    const processes = { ...(this.overviews.get(userId) ?? newUserOverview()) };
    for (const p of i.processes) {
      const key = RESULT_KEY[p];
      if (i.result?.[key]?.status !== 'completed') continue;
      processes[key] = { status: 'ok' };
      if (key === 'identity' && sourceRef.includes(SANDBOX_MARKERS.duplicateIdentity)) processes.identity = { status: 'failed', reason: 'duplicate-identity' };
      if (key === 'identity' && sourceRef.includes(SANDBOX_MARKERS.underage)) processes.identity = { status: 'failed', reason: 'underage' };
    }
    this.overviews.set(userId, processes);
  }

  private async notify(id: string, event: 'created' | 'status-changed'): Promise<boolean> {
    const sim = this.ingestions.get(id)!;
    if (sim.sourceRef.includes(SANDBOX_MARKERS.noWebhooks)) return true;
    return this.sendWebhook({
      id: randomUUID(),
      type: `kyc-connector.${sim.ingestion.provider}.ingestion.${event}`,
      createdAt: new Date().toISOString(),
      data: { ingestion: sim.ingestion },
    });
  }

  /** Sends one event, the same `webhook-id` on every attempt as Standard Webhooks asks; true when the first attempt got a 2xx. */
  private sendWebhook(event: UpholdWebhookEvent): Promise<boolean> {
    const body = JSON.stringify(event);
    return this.kit.webhooks.send(body, () => signedHeaders(this.options.webhookSecret, event.id, body));
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    return routeAccess(method, path, path === TOKEN_PATH || path.startsWith('/kyc-connector/') || path.startsWith('/core/'));
  }

  close(): Promise<void> {
    return this.kit.close();
  }
}
