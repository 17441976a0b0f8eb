// Small HTTP helpers every simulator needs: lenient JSON, constant-time secret comparison,
// flat headers, and the links of a session's sandbox page.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The body as JSON, or undefined when it is not JSON. */
export function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Compares a presented secret with the expected one in constant time (for equal lengths). */
export function secretEquals(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Request headers as one string each (repeated ones joined with ", "). */
export function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The parts of a simulator request every route reads. */
export function requestParts(req: IncomingMessage, path: string): { url: URL; p: string; method: string } {
  const url = new URL(path, 'http://sim');
  return { url, p: url.pathname, method: req.method ?? 'GET' };
}

/**
 * Links of a session's sandbox page: the page token (when the app sets them) rides in the query
 * of its url and of its advance route, so the page works without an API key.
 */
export class PageLinks {
  constructor(
    /** Public base of the simulator, e.g. http://localhost:4000/sandbox/pawapass. */
    private readonly publicBase: () => string,
    private readonly pageToken?: (ref: string) => string,
  ) {}

  /** `token=…` for the session ('' when the app sets no page tokens). */
  tokenQuery(ref: string): string {
    const token = this.pageToken?.(ref);
    return token ? `token=${encodeURIComponent(token)}` : '';
  }

  /** `path` below the public base, with the session's token query when there is one. */
  url(path: string, ref: string): string {
    const q = this.tokenQuery(ref);
    return `${this.publicBase()}${path}${q ? `?${q}` : ''}`;
  }

  /** The path (no origin) the page posts its actions to. */
  advancePath(ref: string): string {
    const q = this.tokenQuery(ref);
    return `${new URL(this.publicBase()).pathname}/${encodeURIComponent(ref)}/advance${q ? `?${q}` : ''}`;
  }
}
