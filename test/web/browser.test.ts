// The web page in a real headless browser (Debian's chromium, driven by playwright-core): reach the
// ask box by keyboard, type a question, see completions arrive, submit, read the verdict — with the
// page's strict Content-Security-Policy in force and no request leaving this machine.
// Without chromium the file skips with one line; CI sets AZLINUX_REQUIRE_BROWSER=1, where that fails.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ask } from '../../src/core/index.js';
import { startService, type RunningService } from '../../src/service/start.js';
import { logSink } from '../service/support/log-sink.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env['AZLINUX_REQUIRE_BROWSER'] === '1';
if (!available && !required) console.log(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let service: RunningService;
let browser: Browser;
let base: string;

describe.skipIf(!available && !required)('the web page in chromium', () => {
  beforeAll(async () => {
    if (!available) throw new Error(`AZLINUX_REQUIRE_BROWSER=1 but there is no chromium at ${CHROMIUM}`);
    service = await startService({ PORT: '0', HOST: '127.0.0.1', COOLDOWN_MAX: '1000' }, { stdinKind: 'none', logDestination: logSink().stream });
    base = service.url!;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop('test over');
  });

  it('type a question (keyboard only), pick up completions, submit, read the verdict first; CSP holds', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(base);
    expect(await page.title()).toMatch(/azlinux/);
    // Reachable by keyboard: the skip link first, then the labelled box (a combobox: it has suggestions)
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await expect.poll(() => page.getByRole('combobox', { name: 'Your question' }).count()).toBe(1);

    await page.keyboard.type('can I run rhel 10 on d4s', { delay: 15 });
    // the page's own script (allowed by the CSP, checked by its integrity hash) filled in completions
    // (completions of what was typed so far may come first; wait for those of the whole text)
    await page.waitForFunction(
      () => [...document.querySelectorAll('#q-suggestions option')].some((o) => (o as HTMLOptionElement).value.endsWith(' on Standard_D4s_v5')),
      undefined,
      { timeout: 10_000 },
    );
    const options = await page.$$eval('#q-suggestions option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('can I run rhel 10 on Standard_D4s_v5');
    expect(options.every((o) => o.startsWith('can I run rhel 10 on '))).toBe(true);
    expect(await page.locator('#q-status').textContent()).toBe(`${options.length} suggestions`);

    await page.keyboard.type('_v5');
    await Promise.all([page.waitForURL(/\?q=/), page.keyboard.press('Enter')]);
    const question = 'can I run rhel 10 on d4s_v5';
    expect(new URL(page.url()).searchParams.get('q')).toBe(question);
    const verdict = (await page.locator('#verdict').textContent())?.trim();
    const expected = ask(question);
    expect(expected.kind).toBe('compat');
    expect(verdict).toBe(expected.summary);
    expect(verdict).toMatch(/^Yes/);
    // the verdict is the first thing in the answer, and the answer took the focus for screen readers
    expect(await page.$eval('#answer', (a) => a.firstElementChild?.id)).toBe('verdict');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer');
    // sources are links, with their dates
    const sources = await page.$$eval('.sources a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(sources.length).toBe(expected.sources.length);
    for (const href of sources) expect(href).toMatch(/^https?:\/\//);

    if (process.env['AZLINUX_SCREENSHOT']) await page.screenshot({ path: process.env['AZLINUX_SCREENSHOT'], fullPage: false });

    expect(problems).toEqual([]);
    for (const url of requests) expect(url.startsWith(base)).toBe(true);
    await page.close();
  }, 60_000);

  it('a question URL is rendered on the server (no script needed) and an inline script would be refused', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const question = '/cpulevel Standard_D2s_v3';
    await page.goto(`${base}/?q=${encodeURIComponent(question)}`);
    expect((await page.locator('#verdict').textContent())?.trim()).toBe(ask(question).summary);
    await context.close();

    // The policy the page is served with forbids inline script: one injected into it does not run.
    const strict = await browser.newPage();
    const violations: string[] = [];
    strict.on('console', (m) => violations.push(m.text()));
    await strict.goto(`${base}/`);
    const ran = await strict.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.appendChild(s);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
    expect(violations.join('\n')).toMatch(/Content Security Policy/);
    await strict.close();
  }, 60_000);
});
