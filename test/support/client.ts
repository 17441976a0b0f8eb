// GraphQL clients for tests: typed documents over real HTTP, and real graphql-ws subscriptions.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLFormattedError, print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLFormattedError[];
}

export async function graphqlRequest<R, V>(
  url: string,
  doc: TypedDocumentNode<R, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<R>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const body = (await res.json()) as { data?: R; errors?: GraphQLFormattedError[] };
  return { status: res.status, ...body };
}

/** Data of a response that must have succeeded. */
export function ok<R>(res: GraphQLResponse<R>): R {
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The first error's extensions (code, field, provider…). */
export const firstError = (res: GraphQLResponse<unknown>) => res.errors?.[0];

export function wsClient(httpUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** A live subscription whose events are collected; `next()` waits for the next one. */
export class Subscription<R> {
  readonly events: R[] = [];
  readonly errors: unknown[] = [];
  private waiters: (() => void)[] = [];
  private readonly dispose: () => void;
  private taken = 0;

  constructor(client: Client, doc: TypedDocumentNode<R, unknown>, variables: unknown) {
    this.dispose = client.subscribe<R>(
      { query: print(doc), variables: variables as Record<string, unknown> },
      {
        next: (msg) => {
          if (msg.errors) this.errors.push(msg.errors);
          if (msg.data) this.events.push(msg.data as R);
          this.wake();
        },
        error: (err) => {
          this.errors.push(err);
          this.wake();
        },
        complete: () => this.wake(),
      },
    );
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves with the next event not yet taken (fails after `ms` with what was received). */
  async next(ms = 5000): Promise<R> {
    const deadline = Date.now() + ms;
    while (this.events.length <= this.taken) {
      if (this.errors.length) throw new Error(`subscription error: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${ms} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.events[this.taken++];
  }

  close() {
    this.dispose();
  }
}

export function subscribe<R, V>(client: Client, doc: TypedDocumentNode<R, V>, variables: V): Subscription<R> {
  return new Subscription<R>(client, doc as TypedDocumentNode<R, unknown>, variables);
}

/** Waits until the server has registered `n` subscribers (so no event can be missed). */
export async function until(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
