// The one rule for whether a provider's view may replace what we hold (DESIGN "Statuses never go
// back"): a final status is terminal; otherwise a view older than ours never replaces it, "older"
// decided by the provider's timestamp when both carry one and they differ, else by lifecycle rank.
// A cycle the provider documents (Argos RETRY_REQUIRED → IN_PROGRESS) is a forward step.
import { parseIso } from './iso-time.js';

export interface Lifecycle<S extends string> {
  /** CREATED < IN_PROGRESS < IN_REVIEW < final, per model. */
  rank: Readonly<Record<S, number>>;
  isFinal(status: S): boolean;
  /** A documented step back to an earlier rank that is a new attempt, not a regression. */
  isCycle?(from: S, to: S): boolean;
}

export interface Timed<S extends string> {
  status: S;
  providerUpdatedAt?: string | null;
}

/** True when `view` must not replace `current` (it is behind it). */
export function isBehind<S extends string>(lifecycle: Lifecycle<S>, current: Timed<S>, view: Timed<S>): boolean {
  if (lifecycle.isFinal(current.status)) return view.status !== current.status;
  const a = current.providerUpdatedAt ? parseIso(current.providerUpdatedAt) : NaN;
  const b = view.providerUpdatedAt ? parseIso(view.providerUpdatedAt) : NaN;
  if (!Number.isNaN(a) && !Number.isNaN(b) && a !== b) return b < a;
  if (lifecycle.rank[view.status] >= lifecycle.rank[current.status]) return false;
  return !(lifecycle.isCycle?.(current.status, view.status) ?? false);
}

/**
 * `history` with `status` appended when it differs from the last entry (each status once, in
 * order): a new array then, else `history` itself (a history is never changed in place).
 */
export function withHistory<S extends string, H extends { status: S }>(history: readonly H[], entry: H): H[] {
  return history.at(-1)?.status === entry.status ? (history as H[]) : [...history, entry];
}
