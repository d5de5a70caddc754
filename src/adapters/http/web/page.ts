// The web page at /: an ask box, the answer to ?q=… rendered on the server, example questions, and the
// data's as-of date. Every page is a complete document; a question's URL is its permalink.
import type { Answer } from '../../../core/index.js';
import { APP_CSS_SRI, APP_JS_SRI } from './assets.js';
import { esc, questionHref } from './html.js';
import { answerHtml } from './render.js';

export const ASSET_PATHS = { js: '/assets/app.js', css: '/assets/app.css', icon: '/assets/icon.svg' } as const;

export interface PageContent {
  /** the question in the box (and answered below it, when `answer` is given) */
  question?: string;
  answer?: Answer;
  /** a problem with the request itself (too long), said where the answer would be */
  problem?: string;
  examples: readonly string[];
  asOf: string;
}

export function pageHtml(content: PageContent): string {
  const q = content.question ?? '';
  const title = content.answer ? `${content.answer.title} — azlinux` : 'azlinux — distro lineage and x86-64 levels on Azure';
  const answered = content.answer !== undefined;
  const body = content.answer ? answerHtml(content.answer) : content.problem ? `<p id="verdict" class="summary" role="alert">${esc(content.problem)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="${ASSET_PATHS.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${ASSET_PATHS.css}" integrity="${APP_CSS_SRI}">
<script src="${ASSET_PATHS.js}" integrity="${APP_JS_SRI}" defer></script>
</head>
<body>
<a class="skip" href="#q">Skip to the question box</a>
<header>
<h1>azlinux</h1>
<p>Where a Linux distribution comes from, and which x86-64 level an Azure VM size guarantees — with sources.</p>
</header>
<main>
<form method="get" action="/" role="search" aria-label="Ask azlinux">
<label for="q">Your question</label>
<input id="q" name="q" type="search" value="${esc(q)}" list="q-suggestions" autocomplete="off" spellcheck="false" maxlength="2000" required aria-describedby="q-hint">
<datalist id="q-suggestions"></datalist>
<button type="submit">Ask</button>
<p id="q-hint" class="hint">A VM size, a distro, a CPU, or plain words: “can I run RHEL 10 on a D2s v3?”. Suggestions appear as you type.</p>
<p id="q-status" class="visually-hidden" role="status" aria-live="polite"></p>
</form>
<section id="answer" aria-label="Answer" tabindex="-1" data-answered="${answered}">
${body}
</section>
<section class="examples" aria-labelledby="examples-heading">
<h2 id="examples-heading">Try</h2>
<ul>${content.examples.map((e) => `<li><a href="${esc(questionHref(e))}">${esc(e)}</a></li>`).join('')}</ul>
</section>
</main>
<footer>
<p>Data as of <time datetime="${esc(content.asOf)}">${esc(content.asOf)}</time>. Every answer cites its sources and the date they were checked.
The same answers as JSON: <a href="/api/ask?q=%2Fazlinux%20help"><code>/api/ask?q=…</code></a>; in Slack and Discord as <code>/azlinux</code> and <code>/cpulevel</code>.</p>
</footer>
</body>
</html>
`;
}
