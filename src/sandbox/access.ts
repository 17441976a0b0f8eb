// How the sandbox guard sees a simulator's routes (DESIGN.md, "Doors closed"); the provider
// contract re-exports these.

/**
 * What a request below /sandbox/{key} is, for the sandbox guard (DESIGN.md, "Doors closed"):
 * `api`, the provider's own API (the simulator checks the provider's credentials); `session`, an
 * end-user page or action on one session (`ref`, the provider's id of it); `admin`, a change to
 * the simulator itself (faults, workspace settings); `public`, harmless static content.
 */
export type SandboxAccess = { kind: 'api' } | { kind: 'session'; ref: string } | { kind: 'admin' } | { kind: 'public' };

/** The generic sandbox routes of DESIGN.md: `POST /{ref}/advance` and `/faults`; null for anything else. */
export function commonSandboxAccess(method: string, path: string): SandboxAccess | null {
  if (path === '/faults') return { kind: 'admin' };
  const m = method === 'POST' ? /^\/([^/]+)\/advance$/.exec(path) : null;
  return m ? { kind: 'session', ref: safeDecode(m[1]) } : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A simulator's view of a route: its provider API (`api`), the GET page of one session (`page`;
 * the ref is its last group), else the generic routes.
 */
export function routeAccess(method: string, path: string, api: boolean, page?: RegExp): SandboxAccess | null {
  if (api) return { kind: 'api' };
  const m = page && method === 'GET' ? page.exec(path) : null;
  if (m) return { kind: 'session', ref: decodeURIComponent(m[m.length - 1]) };
  return commonSandboxAccess(method, path);
}
