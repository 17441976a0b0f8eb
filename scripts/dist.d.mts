/** Why `dist` is stale (a file to blame), or null when every output is at least as new as its inputs. */
export function staleReason(root: string): string | null;
/** Builds `dist` when it is stale; true when it built. */
export function ensureDist(root: string, log?: (line: string) => void): boolean;
