// `npm run example`: what a frontend does with kyc-graph, end to end, printing each step.
// Subscribes to a user's verification updates (graphql-ws), starts a pawaPass verification,
// plays the end user in the sandbox (POST /sandbox/pawapass/{ref}/advance, what the buttons on
// the session's `url` page do), prints every event, then reads the verification and the list.
// Uses the server at KYC_GRAPH_URL (or the first argument; default http://localhost:4000), and
// starts one in-process when none answers there.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import {
  MyVerificationsDocument,
  OnVerificationUpdatedDocument,
  type OnVerificationUpdatedSubscription,
  StartPawaPassVerificationDocument,
  VerificationDocument,
} from './generated/graphql.js';

export interface WalkthroughOptions {
  /** Base URL of a running kyc-graph, e.g. http://localhost:4000 */
  url: string;
  /** Where each line goes (console.log by default). */
  print?: (line: string) => void;
  /** The user the verification is for; a fresh one by default so reruns do not mix. */
  subjectId?: string;
  /** `Authorization: Bearer …` when the server has API_KEYS configured. */
  apiKey?: string;
}

type Event = OnVerificationUpdatedSubscription['verificationUpdated'];

export async function walkthrough(opts: WalkthroughOptions): Promise<{ events: Event[]; id: string }> {
  const out = opts.print ?? ((line: string) => console.log(line));
  const subjectId = opts.subjectId ?? `example-user-${Date.now().toString(36)}`;
  const auth: Record<string, string> = opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {};
  const show = (label: string, value: unknown) => out(`${label}\n${JSON.stringify(value, null, 2)}\n`);

  async function request<R, V>(doc: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    const res = await fetch(`${opts.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    const body = (await res.json()) as { data?: R; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  // 1. subscribe first, so the CREATED event is not missed
  const events: Event[] = [];
  let wake: () => void = () => {};
  const ws = createClient({
    url: `${opts.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : undefined,
    retryAttempts: 0,
  });
  const connected = new Promise<void>((resolve) => ws.on('connected', () => resolve()));
  const failure = new Promise<never>((_, reject) => ws.on('error', (e) => reject(new Error(`WebSocket error: ${String((e as Error)?.message ?? e)}`))));
  const stop = ws.subscribe<OnVerificationUpdatedSubscription>(
    { query: print(OnVerificationUpdatedDocument), variables: { subjectId } },
    {
      next: (msg) => {
        if (msg.data) {
          const e = msg.data.verificationUpdated;
          events.push(e);
          out(`event: ${e.previousStatus ?? '(new)'} -> ${e.verification.status} (pawaPass ${e.verification.providerStatus}) cursor=${e.cursor}`);
        }
        wake();
      },
      error: (err) => out(`subscription error: ${JSON.stringify(err)}`),
      complete: () => {},
    },
  );
  const waitFor = async (status: string, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!events.some((e) => e.verification.status === status)) {
      if (Date.now() > deadline) throw new Error(`no ${status} event within ${ms} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  };

  try {
    await Promise.race([connected, failure]);
    // graphql-ws does not acknowledge a subscription; give the server a moment to register it
    await new Promise((r) => setTimeout(r, 300));
    out(`subscribed to verificationUpdated(subjectId: "${subjectId}") over ${opts.url.replace(/^http/, 'ws')}/graphql\n`);

    // 2. start the verification
    const { startPawaPassVerification: v } = await request(StartPawaPassVerificationDocument, {
      input: {
        subjectId,
        externalId: `${subjectId}-kyc`,
        requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
        successUrl: 'https://your.app/kyc/done',
        errorUrl: 'https://your.app/kyc/error',
        supportUrl: 'https://your.app/help',
        country: 'ZM',
        idempotencyKey: `${subjectId}-kyc-1`,
      },
    });
    show('startPawaPassVerification →', v);
    await waitFor('CREATED');

    // 3. the end user and the reviewer, as the buttons on the `url` page would do it
    for (const to of ['STARTED', 'USER_DATA_COLLECTED', 'APPROVED']) {
      out(`sandbox: moving pawaPass session ${v.providerRef} to ${to}`);
      const res = await fetch(`${opts.url}/sandbox/pawapass/${encodeURIComponent(v.providerRef)}/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to }),
      });
      if (!res.ok) throw new Error(`advance to ${to} answered ${res.status}: ${await res.text()}`);
    }
    await waitFor('APPROVED');
    out('');

    // 4. read it back
    const { verification } = await request(VerificationDocument, { id: v.id });
    show('verification(id) →', verification);
    const { verifications } = await request(MyVerificationsDocument, { subjectId, first: 10 });
    show(`verifications(filter: { subjectId: "${subjectId}" }) →`, verifications);
    return { events, id: v.id };
  } finally {
    stop();
    await ws.dispose();
  }
}

/** True when something answers GET /healthz at `url` within a second. */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function main() {
  const url = (process.argv[2] ?? process.env.KYC_GRAPH_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
  let close = async () => {};
  let target = url;
  if (!(await answers(url))) {
    // nothing there: start kyc-graph in this process, the way `npm start` does with no configuration
    await import('reflect-metadata');
    const { loadConfig } = await import('../src/config.js');
    const { createApp, createLogger } = await import('../src/server/app.js');
    const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    const app = await createApp(config, createLogger(config.logLevel));
    target = await app.listen();
    close = () => app.close();
    console.log(`No kyc-graph answered at ${url}; started one in this process at ${target}\n`);
  } else {
    console.log(`Using kyc-graph at ${url}\n`);
  }
  try {
    await walkthrough({ url: target, apiKey: process.env.KYC_GRAPH_API_KEY });
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
