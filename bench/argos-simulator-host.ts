// The Argos simulator alone in its own process (kind `argos-simulator` of server-process.ts), so
// figure 5 can also measure kyc-graph in live mode against it: the product's own RSS, without the
// simulator's buffers in the same process. Serves the simulator's API at /sandbox/argos/v3/…
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArgosSimulator } from '../src/providers/argos/simulator.js';
import { readBody, sendJson } from '../src/http/httpkit.js';

export async function startArgosSimulator(apiKey: string) {
  if (!apiKey) throw new Error('ARGOS_API_KEY is required');
  let base = '';
  const sim = new ArgosSimulator({
    apiKey,
    webhookSecret: 'bench-unused',
    // step 1 and step 2 answer synchronously; nothing in figure 5 waits for a webhook
    webhookUrl: () => 'http://127.0.0.1:9/webhooks/argos',
    publicBase: () => `${base}/sandbox/argos`,
    submissionTtlMs: () => 4 * 3600 * 1000,
  });
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/sandbox\/argos/, '');
    void (async () => {
      const streamed = req.method === 'GET' || sim.streamsBody(req.method ?? 'GET', path.split('?')[0]);
      const raw = streamed ? Buffer.alloc(0) : await readBody(req, sim.maxBodyBytes);
      if (!(await sim.handle(req, res, path, raw))) sendJson(res, 404, { message: 'not found' });
    })().catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, { message: err.message });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    subscribers: () => 0,
    close: async () => {
      await sim.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
