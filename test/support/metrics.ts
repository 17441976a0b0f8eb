// Reads GET /metrics (Prometheus text format) into numbers a test can compare.

export type Scrape = Map<string, number>;

/** Every sample line, keyed as printed: `name{label="v",…}` (labels in the server's order). */
export async function scrape(baseUrl: string): Promise<Scrape> {
  const res = await fetch(`${baseUrl}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const samples: Scrape = new Map();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** Sum of the samples of `name` whose labels include all of `labels`. */
export function value(s: Scrape, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const [key, v] of s) {
    const brace = key.indexOf('{');
    const metric = brace < 0 ? key : key.slice(0, brace);
    if (metric !== name) continue;
    const text = brace < 0 ? '' : key.slice(brace);
    if (Object.entries(labels).every(([k, want]) => text.includes(`{${k}="${want}"`) || text.includes(`,${k}="${want}"`))) sum += v;
  }
  return sum;
}
