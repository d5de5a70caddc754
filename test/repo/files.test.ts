// The repository's own files say what the project does: the licence package.json names, every variable
// in .env.example, one maintained Node LTS in engines, the Dockerfile and CI, and the README words
// people need on install.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../../src/config.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { license: string; engines: { node: string } };

describe('repository files', () => {
  it('LICENSE is the MIT licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(read('LICENSE')).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('.env.example names every variable the service reads, with no value filled in; .env is never committed', () => {
    const example = read('.env.example');
    for (const name of [...ENV_VARIABLES, 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'AZLINUX_HISTORY']) {
      expect(example, name).toMatch(new RegExp(`^# ${name}=`, 'm'));
    }
    expect(example).not.toMatch(/^[A-Z_]+=/m); // all commented out: copying it changes nothing by itself
    expect(read('.gitignore')).toMatch(/^\.env$/m);
    expect(read('.dockerignore')).toMatch(/^\.env$/m);
  });

  it('Node 24 LTS: engines allows it, the Docker image is built on it, CI runs the suite on it', () => {
    expect(pkg.engines.node.split('||').map((r) => r.trim())).toContain('^24');
    const froms = [...read('Dockerfile').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms).toEqual(['node:24-slim', 'node:24-slim']);
    const ci = read('.ci/run');
    expect(ci).toContain('npm exec --yes --package=node@24 -- node node_modules/vitest/vitest.mjs run');
    expect(ci).toMatch(/^npm test$/m);
  });

  it('CI installs chromium and makes its absence a failure of the browser test', () => {
    const ci = read('.ci/run');
    expect(ci).toContain('missing+=(chromium)');
    expect(ci).toMatch(/^export AZLINUX_REQUIRE_BROWSER=1$/m);
    expect(read('test/web/browser.test.ts')).toContain("process.env['AZLINUX_REQUIRE_BROWSER'] === '1'");
  });

  it("the README says a word on esbuild's install-script warning, and shows the web page", () => {
    const readme = read('README.md');
    expect(readme).toMatch(/esbuild's install script/);
    expect(readme).toContain('npm install-scripts approve esbuild');
    expect(readme).toContain('![The web page');
    expect(
      readFileSync(new URL('../../docs/img/web-page.png', import.meta.url))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});
