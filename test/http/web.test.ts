// The web page's routes over loopback (no browser; test/web/browser.test.ts drives a real one): the
// answer rendered on the server for a question URL, escaping, the security headers and integrity
// hashes, refusals, and completion — over every example and every distro name.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSurface, type HttpSurface } from '../../src/adapters/http/server.js';
import { questionCompletions } from '../../src/adapters/complete-question.js';
import { CONTENT_SECURITY_POLICY, webRoutes } from '../../src/adapters/http/web/routes.js';
import { ask, catalog, complete, EXAMPLE_QUESTIONS } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';

let surface: HttpSurface;
let base: string;
const store = new MemoryStore();
beforeAll(async () => {
  const logger = createLogger('silent');
  // a stopped clock: the cooldown's fixed windows follow the wall clock, so a run crossing a minute would split the
  // questions between two windows and never reach the limit
  const handler = createHandler({
    ask,
    store,
    logger,
    cooldown: { max: 40, windowSeconds: 60, now: () => 0 },
  });
  surface = createHttpSurface({
    handler,
    logger,
    readiness: () => ({}),
    routes: webRoutes({ handler, complete, examples: EXAMPLE_QUESTIONS, asOf: catalog().asOf }),
  });
  const { port } = await surface.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await surface.stop();
  await store.close();
});

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${base}${path}`, init);
  return { status: res.status, headers: res.headers, body: await res.text() };
};
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const q = (text: string) => `/?q=${encodeURIComponent(text)}`;

describe('GET /', () => {
  it('without a question: the ask box, every example as a link, the as-of date, a strict CSP', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.body).toContain('<label for="q">');
    expect(page.body).toContain(`Data as of <time datetime="${catalog().asOf}">`);
    for (const example of EXAMPLE_QUESTIONS) expect(page.body).toContain(`href="${esc(`/?${new URLSearchParams({ q: example })}`)}"`);
    // nothing inline to run, nothing from elsewhere
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc="\/assets\/)/);
    expect(page.body).not.toMatch(/\sstyle=|\son[a-z]+=/);
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('answers every example on the server: the straight answer first, then the title, sources linked', async () => {
    for (const example of EXAMPLE_QUESTIONS) {
      const page = await get(q(example));
      const answer = ask(example);
      expect(page.status, example).toBe(200);
      expect(page.body).toContain(`<title>${esc(answer.title)} — azlinux</title>`);
      const inAnswer = page.body.slice(page.body.indexOf('<section id="answer"'));
      expect(inAnswer.indexOf('id="verdict"')).toBeLessThan(inAnswer.indexOf('id="answer-title"'));
      const verdict = /<p id="verdict"[^>]*>(.*?)<\/p>/.exec(inAnswer)?.[1]?.replace(/<[^>]+>/g, '');
      expect(verdict).toBe(esc(answer.summary));
      for (const source of answer.sources) expect(page.body).toContain(`href="${esc(new URL(source.url).href)}"`);
      expect(page.body).toContain(`value="${esc(example)}"`);
    }
  });

  it('escapes whatever was asked: no markup, no script, in the box or the answer', async () => {
    const nasty = '<script>alert(1)</script>" onfocus="x <img src=x onerror=y>';
    const page = await get(q(nasty));
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toMatch(/" onfocus="/);
    expect(page.body).toContain(esc(nasty).slice(0, 40));
  });

  it('refuses an over-long question with 414 and says why, a POST with 405, and a cooldown with 429', async () => {
    const long = await get(q('x'.repeat(2_001)));
    expect(long.status).toBe(414);
    expect(long.body).toContain('at most 2000 characters');
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    const head = await get(q('/cpulevel d4s v5'), { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i += 1) last = (await get(q('azl4'))).status;
    expect(last).toBe(429);
    await store.close(); // forget the cooldown for the tests after this one
  });

  it('serves its script and style with the hashes the page names, the icon, and an empty favicon', async () => {
    const page = await get('/');
    for (const [tag, path] of [
      ['script', '/assets/app.js'],
      ['link', '/assets/app.css'],
    ] as const) {
      const integrity = new RegExp(`<${tag} [^>]*(?:src|href)="${path}" integrity="(sha256-[^"]+)"`).exec(page.body)?.[1];
      const asset = await get(path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(integrity).toBe(`sha256-${createHash('sha256').update(asset.body).digest('base64')}`);
    }
    expect((await get('/assets/icon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/favicon.ico')).status).toBe(204);
  });
});

describe('GET /api/complete', () => {
  it('completes the last word as a size, distro or CPU, keeping the rest of the question', async () => {
    const res = await get(`/api/complete?q=${encodeURIComponent('can I run rhel 10 on d4s')}`);
    const body = JSON.parse(res.body) as { suggestions: string[] };
    expect(body.suggestions).toContain('can I run rhel 10 on Standard_D4s_v5');
    expect(body.suggestions.length).toBeLessThanOrEqual(8);
    for (const s of body.suggestions) expect(s.startsWith('can I run rhel 10 on ')).toBe(true);
    expect(JSON.parse((await get('/api/complete?q=a')).body)).toEqual({ query: 'a', suggestions: [] });
    expect(JSON.parse((await get('/api/complete')).body)).toEqual({ query: '', suggestions: [] });
  });

  it('every distro is offered for its own name and every alias typed in part', () => {
    for (const distro of catalog().distros) {
      for (const name of [distro.id, ...distro.aliases]) {
        if (name.length < 3 || /\s/.test(name)) continue;
        const typed = `lineage of ${name.slice(0, Math.max(3, name.length - 1))}`;
        expect(questionCompletions(typed, complete), typed).toContain(`lineage of ${distro.id}`);
      }
    }
  });
});
