// The end-user page of a sandbox session: plays the provider's hosted flow. Every button posts
// to the simulator's advance route, so the provider's webhook is sent exactly as for the API.
import { escapeHtml } from './httpkit.js';

export interface SandboxPage {
  providerName: string;
  ref: string;
  status: string;
  /** What the provider would ask the end user for, and what it knows so far. */
  fields: [label: string, value: unknown][];
  /** Buttons: label and the provider status they move the session to. */
  actions: { label: string; to: string }[];
  /** Absolute path of POST …/advance for this session. */
  advancePath: string;
}

export function renderSandboxPage(p: SandboxPage): string {
  const rows = p.fields
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(typeof value === 'object' && value !== null ? JSON.stringify(value) : value)}</td></tr>`)
    .join('');
  const buttons = p.actions
    .map((a) => `<button type="button" data-to="${escapeHtml(a.to)}">${escapeHtml(a.label)}</button>`)
    .join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(p.providerName)} sandbox · ${escapeHtml(p.ref)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem;vertical-align:top}
button{font:inherit;margin:.25rem;padding:.4rem .8rem}#status{font-weight:bold}.note{color:#555}</style></head>
<body><h1>${escapeHtml(p.providerName)} <small>sandbox</small></h1>
<p class="note">This page plays the end user and the reviewer of a ${escapeHtml(p.providerName)} session. Each button sends the provider's webhook to kyc-graph.</p>
<p>Session <code id="ref">${escapeHtml(p.ref)}</code> · status <span id="status">${escapeHtml(p.status)}</span></p>
<table>${rows}</table>
<p id="actions">${buttons}</p>
<p id="result" role="status"></p>
<script>
document.getElementById('actions').addEventListener('click', async (e) => {
  const to = e.target && e.target.getAttribute && e.target.getAttribute('data-to');
  if (!to) return;
  const out = document.getElementById('result');
  out.textContent = 'Sending…';
  const res = await fetch(${JSON.stringify(p.advancePath).replace(/</g, "\\u003c")}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to }) });
  const body = await res.json().catch(() => ({}));
  if (res.ok) { document.getElementById('status').textContent = body.status || to; out.textContent = 'Done: ' + (body.status || to); }
  else { out.textContent = 'Refused (' + res.status + '): ' + (body.message || ''); }
});
</script></body></html>`;
}
