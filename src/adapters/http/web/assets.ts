// The page's only script and style sheet, served from this process (no external assets; the
// Content-Security-Policy allows 'self' and nothing else). The page works without the script: the form
// is a plain GET to /?q=…, rendered on the server. The script adds completion and moves focus to the
// answer so a screen reader reads it.
import { createHash } from 'node:crypto';

export const APP_JS = `'use strict';
(function () {
  var input = document.getElementById('q');
  var list = document.getElementById('q-suggestions');
  var status = document.getElementById('q-status');
  var answer = document.getElementById('answer');
  if (answer && answer.getAttribute('data-answered') === 'true') answer.focus({ preventScroll: true });
  if (!input || !list) return;
  var timer = 0;
  var asked = '';
  function fill(suggestions) {
    while (list.firstChild) list.removeChild(list.firstChild);
    suggestions.forEach(function (s) {
      var option = document.createElement('option');
      option.value = s;
      list.appendChild(option);
    });
    if (status) status.textContent = suggestions.length ? suggestions.length + ' suggestions' : '';
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var text = input.value;
    timer = setTimeout(function () {
      if (text === asked) return;
      asked = text;
      if (text.trim() === '') return fill([]);
      fetch('/api/complete?q=' + encodeURIComponent(text), { headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (input.value === text) fill(body.suggestions || []); })
        .catch(function () { /* completion is a nicety; the form works without it */ });
    }, 120);
  });
})();
`;

export const APP_CSS = `:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #57606a; --accent: #1f3a5f; --yes: #1a7f37; --no: #cf222e; --depends: #9a6700; --line: #d0d7de; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --accent: #8fb5e8; --yes: #3fb950; --no: #f85149; --depends: #d29922; --line: #30363d; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 56rem; padding: 1.5rem 1rem 3rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .25rem .5rem; }
header h1 { margin: 0; font-size: 1.6rem; }
header p { margin: .25rem 0 1rem; color: var(--muted); }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
form label { flex-basis: 100%; font-weight: 600; }
input[type=search] { flex: 1 1 20rem; font: inherit; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: .375rem; background: var(--bg); color: var(--fg); }
button { font: inherit; padding: .5rem 1rem; border: 0; border-radius: .375rem; background: var(--accent); color: var(--bg); cursor: pointer; }
.hint { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
#answer { margin-top: 1.5rem; border-top: 1px solid var(--line); padding-top: 1rem; }
#answer:focus { outline: none; }
.summary { font-size: 1.15rem; margin: 0 0 .5rem; }
.verdict { display: inline-block; padding: 0 .5rem; border-radius: .25rem; color: var(--bg); }
.verdict-yes .verdict { background: var(--yes); } .verdict-no .verdict { background: var(--no); } .verdict-depends .verdict { background: var(--depends); }
h2 { font-size: 1.25rem; margin: .5rem 0; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
.facts div { display: contents; } .facts dt { color: var(--muted); } .facts dd { margin: 0; }
.table { overflow-x: auto; } table { border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .2rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.as-of, footer { color: var(--muted); font-size: .9rem; }
.examples ul { padding-left: 1.2rem; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .75rem; }
`;

/** The page's icon: a small SVG, so no browser goes looking for /favicon.ico. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f3a5f"/><text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">az</text></svg>`;

/** sha256 digests, for Subresource Integrity on the page's own tags (a changed file is refused, not run). */
const sri = (body: string): string => `sha256-${createHash('sha256').update(body).digest('base64')}`;
export const APP_JS_SRI = sri(APP_JS);
export const APP_CSS_SRI = sri(APP_CSS);
