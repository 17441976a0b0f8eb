// The end-user page of a sandbox session: plays the provider's hosted flow. Every button posts
// to the simulator's advance route, so the provider's webhook is sent exactly as for the API.
// Self-contained (no asset from elsewhere) and every value shown is escaped: it comes from users.
import { escapeHtml } from './httpkit.js';

export interface SandboxAction {
  label: string;
  /** The provider's own status value the session moves to (body of POST …/advance). */
  to: string;
  /** Who would do this in the real flow and what it means, shown under the button. */
  hint?: string;
  /** `primary` for the happy path, `danger` for declines/expiry; default neutral. */
  tone?: 'primary' | 'danger';
}

/** A value the end user confirms or corrects (e.g. OCR fields); sent as `fields` with the action. */
export interface SandboxInput {
  name: string;
  label: string;
  value: string;
}

export interface SandboxPage {
  providerName: string;
  ref: string;
  status: string;
  /** What the provider asks the end user for (requirements, form steps…), each with a short explanation. */
  asks?: { label: string; detail?: string }[];
  /** What the provider knows about the session so far. */
  fields: [label: string, value: unknown][];
  /** Editable values sent along with any action as `{"fields": {name: value}}`. */
  inputs?: SandboxInput[];
  /** Buttons: what the end user or the provider's reviewer can do next from this status. */
  actions: SandboxAction[];
  /** Absolute path of POST …/advance for this session. */
  advancePath: string;
}

const show = (value: unknown) => escapeHtml(typeof value === 'object' && value !== null ? JSON.stringify(value, null, 1) : value);

/** JSON for an inline script: `<`, `>`, `&` and line separators cannot end the script element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function renderSandboxPage(p: SandboxPage): string {
  const asks = (p.asks ?? [])
    .map((a) => `<li><strong>${escapeHtml(a.label)}</strong>${a.detail ? ` <span class="note">${escapeHtml(a.detail)}</span>` : ''}</li>`)
    .join('');
  const rows = p.fields.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${show(value)}</td></tr>`).join('');
  const inputs = (p.inputs ?? [])
    .map((i) => `<label>${escapeHtml(i.label)} <input name="${escapeHtml(i.name)}" value="${escapeHtml(i.value)}"></label>`)
    .join('');
  const buttons = p.actions
    .map(
      (a) =>
        `<div class="action"><button type="button" class="${escapeHtml(a.tone ?? '')}" data-to="${escapeHtml(a.to)}">${escapeHtml(a.label)}</button>` +
        `${a.hint ? `<span class="note">${escapeHtml(a.hint)}</span>` : ''}</div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(p.providerName)} sandbox · ${escapeHtml(p.ref)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.45 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
header{border-bottom:1px solid #d8dce5;margin-bottom:1rem}h1{margin:.2rem 0}h1 small{font-size:.55em;color:#6b7385;font-weight:normal}
h2{font-size:1.05rem;margin:1.4rem 0 .4rem}.note{color:#5b6372;font-size:.9em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .6rem .3rem 0;border-bottom:1px solid #eef0f4}
td{white-space:pre-wrap;word-break:break-word}th{width:11rem;font-weight:600}
code{background:#f1f3f7;padding:.05rem .3rem;border-radius:3px}
#status{display:inline-block;font-weight:bold;padding:.05rem .5rem;border-radius:999px;background:#eef0f4}
.action{display:flex;gap:.8rem;align-items:center;margin:.35rem 0}
button{font:inherit;padding:.45rem .9rem;border:1px solid #aab1bf;border-radius:6px;background:#fff;cursor:pointer;min-width:11rem}
button.primary{background:#1f6feb;border-color:#1f6feb;color:#fff}button.danger{border-color:#c9372c;color:#c9372c}
button:disabled{opacity:.5;cursor:wait}label{display:block;margin:.3rem 0}input{font:inherit;margin-left:.4rem}
#result{min-height:1.5em;font-weight:600}
</style></head>
<body>
<header><h1 id="provider">${escapeHtml(p.providerName)} <small>sandbox end-user flow</small></h1>
<p>Session <code id="ref">${escapeHtml(p.ref)}</code> · status <span id="status">${escapeHtml(p.status)}</span></p></header>
<p class="note">This page plays the end user and the reviewer of a ${escapeHtml(p.providerName)} session. Each button moves the session the way the provider would and sends its webhook to kyc-graph, so subscribers see the change.</p>
${asks ? `<h2>What ${escapeHtml(p.providerName)} asks for</h2><ul id="asks">${asks}</ul>` : ''}
<h2>The session</h2><table id="fields">${rows}</table>
${inputs ? `<h2>Confirm or correct</h2><form id="inputs" onsubmit="return false">${inputs}</form>` : ''}
<h2>Next steps</h2>
<div id="actions">${buttons || '<p class="note">The session is final: nothing more can happen.</p>'}</div>
<p id="result" role="status"></p>
<script>
(function () {
  var advancePath = ${scriptJson(p.advancePath)};
  var actions = document.getElementById('actions');
  actions.addEventListener('click', async function (e) {
    var to = e.target && e.target.getAttribute && e.target.getAttribute('data-to');
    if (!to) return;
    var out = document.getElementById('result');
    var all = actions.querySelectorAll('button');
    all.forEach(function (b) { b.disabled = true; });
    out.textContent = 'Sending…';
    var body = { to: to };
    var form = document.getElementById('inputs');
    if (form) { body.fields = {}; new FormData(form).forEach(function (v, k) { body.fields[k] = v; }); }
    try {
      var res = await fetch(advancePath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      var reply = await res.json().catch(function () { return {}; });
      if (res.ok) {
        document.getElementById('status').textContent = reply.status || to;
        out.textContent = 'Done: the session is now ' + (reply.status || to) + '. Reloading…';
        setTimeout(function () { location.reload(); }, 400);
        return;
      }
      out.textContent = 'Refused (' + res.status + '): ' + (reply.message || '');
    } catch (err) {
      out.textContent = 'Could not reach kyc-graph: ' + err;
    }
    all.forEach(function (b) { b.disabled = false; });
  });
})();
</script></body></html>`;
}
