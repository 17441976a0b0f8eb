// CORS for /graphql (DESIGN.md "Operations", `CORS_ORIGINS`): which browser origins may call the
// API, the preflight answer, and the Origin check of WebSocket upgrades in production.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_METHODS = 'GET, POST';
/** Request headers a browser client may send (Apollo Client's CSRF headers, tracing, request id). */
const ALLOW_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id, traceparent, tracestate';
/** Seconds a browser may cache a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 600;
const LOCAL_DEV_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

export class CorsPolicy {
  private readonly origins: ReadonlySet<string>;
  private readonly any: boolean;
  /** CORS_ORIGINS unset: the development default (local origins) applies. */
  private readonly defaults: boolean;

  /** `origins`: CORS_ORIGINS (null: unset). */
  constructor(origins: readonly string[] | null, private readonly production: boolean) {
    this.any = origins?.includes('*') ?? false;
    this.origins = new Set(origins ?? []);
    this.defaults = origins === null;
  }

  allows(origin: string | undefined): origin is string {
    if (!origin) return false;
    if (this.any || this.origins.has(origin)) return true;
    return this.defaults && !this.production && LOCAL_DEV_ORIGIN.test(origin);
  }

  /** Adds the CORS headers of an actual request from an allowed origin (none for any other). */
  apply(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('vary', 'Origin');
    const origin = req.headers.origin;
    if (!this.allows(origin)) return;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id');
  }

  /** Answers OPTIONS: 204, with the preflight headers only for an allowed origin. */
  preflight(req: IncomingMessage, res: ServerResponse) {
    this.apply(req, res);
    if (this.allows(req.headers.origin)) {
      res.setHeader('access-control-allow-methods', ALLOW_METHODS);
      res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
      res.setHeader('access-control-max-age', String(CORS_MAX_AGE_SECONDS));
    }
    res.writeHead(204, { allow: `${ALLOW_METHODS}, OPTIONS`, 'cache-control': 'no-store' });
    res.end();
  }

  /** A WebSocket upgrade: refused in production when it carries an Origin that is not allowed. */
  allowsUpgrade(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return !this.production || origin === undefined || this.allows(origin);
  }
}
