// The sandbox end-user route of DESIGN.md: POST /{ref}/advance {"to": "<provider status>"} moves a
// session as its end user or the provider's reviewer would. The provider decides what `to` may be
// and what moving means; the kit checks the body, finds the session, runs the move in the
// session's queue (advances of one session are delivered in the order they were made) and answers
// 200 when the webhook for the new status was delivered, 202 when it was not (yet), 409 when `to`
// is not reachable, 404 for an unknown session, 400 for a bad body.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/httpkit.js';
import { parseJson } from './http.js';
import { PerSessionQueue } from './queue.js';

/** What a move did: delivered its webhook (or not yet), or could not be made. */
export type Moved = { delivered: boolean } | { conflict: string; message?: string } | { invalid: string };

export interface AdvanceRules<S extends string, V> {
  /** The `to` values the route takes. */
  statuses: readonly S[];
  /** What a session is called in answers ("session", "application", …). */
  noun: string;
  /** Checks the rest of the body before the session is looked up; a string is the 400 message. */
  check?(body: Record<string, unknown>): string | null;
  /** Brings the session up to date before it is looked up (e.g. expires it when its time has come). */
  refresh?(ref: string): Promise<unknown>;
  /** The session as it is now, or undefined/null when there is none. */
  session(ref: string): V | null | undefined;
  /** Moves the session (its latest state); runs in the session's queue. */
  move(session: V, to: S, body: Record<string, unknown>): Promise<Moved>;
  /** The answer's fields besides `webhookDelivered`, from the session after the move. */
  answer(session: V): Record<string, unknown>;
}

export class Lifecycle {
  /** Jobs of one session run one at a time, in order. */
  readonly queue = new PerSessionQueue();

  /** Handles POST /{ref}/advance. */
  async advance<S extends string, V>(res: ServerResponse, ref: string, rawBody: Buffer, rules: AdvanceRules<S, V>): Promise<void> {
    const body = (parseJson(rawBody) ?? {}) as Record<string, unknown>;
    const to = body?.to;
    if (typeof to !== 'string' || !(rules.statuses as readonly string[]).includes(to)) {
      return sendJson(res, 400, { message: `"to" must be one of ${rules.statuses.join(', ')}` });
    }
    const bad = rules.check?.(body);
    if (bad) return sendJson(res, 400, { message: bad });
    await rules.refresh?.(ref);
    if (!rules.session(ref)) return sendJson(res, 404, { message: `No such ${rules.noun}` });
    const moved = await this.queue.run(ref, () => rules.move(rules.session(ref)!, to as S, body));
    if ('invalid' in moved) return sendJson(res, 400, { message: moved.invalid });
    if ('conflict' in moved) {
      return sendJson(res, 409, { message: moved.message ?? `Cannot move a ${moved.conflict} ${rules.noun} to ${to}`, status: moved.conflict });
    }
    sendJson(res, moved.delivered ? 200 : 202, { ...rules.answer(rules.session(ref)!), webhookDelivered: moved.delivered });
  }

  /** Waits for every queued job (shutdown). */
  drain(): Promise<void> {
    return this.queue.drain();
  }
}

/** The ref of a POST /{ref}/advance path, or null. */
export function advanceRef(method: string, path: string): string | null {
  const m = method === 'POST' ? /^\/([^/]+)\/advance$/.exec(path) : null;
  return m ? decodeURIComponent(m[1]) : null;
}
