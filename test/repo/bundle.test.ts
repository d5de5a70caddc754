// The production bundle (scripts/bundle.ts, what `npm start` and `npm run ask` run), built here from the
// current source with the build's own options, so a bundle that breaks fails the suite: the bundled
// server answers signed slash commands over loopback exactly as the service from source does, and the
// bundled `ask --json` gives, byte for byte, the answers the core gives in this process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixedQuestions } from '../../bench/ask-json.js';
import { asciiJson, bundle, ENTRIES, EXTERNAL, projectRoot, tableCopy } from '../../scripts/bundle.js';
import { TABLE_FILES } from '../../src/data/stamp.js';
import { ask, catalog } from '../../src/core/index.js';
import { startService, type RunningService } from '../../src/service/start.js';
import { FakeDiscord, interaction, type RecordedRequest } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { commandPayload, mentionEnvelope, SlackSender } from '../fakes/slack-sign.js';
import { logSink } from '../service/support/log-sink.js';
import { freePort } from '../service/support/redis-server.js';
import { waitFor } from '../service/support/processes.js';

const ROOT = projectRoot();
// Two levels below the root, as dist/bundle is: the bundled code finds package.json (its version) there.
const DIR = join(ROOT, 'dist', `bundle-test-${process.pid}`);
const SECRET = 'bundle-signing-secret-7d1e';

let slack: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await new FakeDiscord({ heartbeatIntervalMs: 500 }).start();
  await bundle(DIR, ROOT);
}, 120_000);
afterAll(async () => {
  await slack?.close();
  await discord?.stop();
  rmSync(DIR, { recursive: true, force: true });
});

describe('asciiJson', () => {
  it('writes every table as ASCII that parses to the same data, and the tables do have characters beyond ASCII', () => {
    let escaped = 0;
    for (const name of TABLE_FILES) {
      const text = readFileSync(join(ROOT, 'src/data', name), 'utf8');
      const ascii = asciiJson(text);
      expect(ascii.match(/[^\x00-\x7f]/g) ?? [], name).toEqual([]);
      expect(JSON.parse(ascii), name).toEqual(JSON.parse(text));
      escaped += (text.match(/[^\x00-\x7f]/g) ?? []).length;
    }
    expect(escaped).toBeGreaterThan(0);
  });

  it('escapes inside strings only what is beyond ASCII, surrogate pairs included', () => {
    const text = '{"a": "Xeon\u00ae \u2013 \ud83d\ude00", "b": ["plain \\"quoted\\""]}';
    const ascii = asciiJson(text);
    expect(ascii).toBe('{"a": "Xeon\\u00ae \\u2013 \\ud83d\\ude00", "b": ["plain \\"quoted\\""]}');
    expect(JSON.parse(ascii)).toEqual(JSON.parse(text));
  });
});

describe('the bundle', () => {
  it('is one file per entry, its chunks and a stamped copy of the tables; the lazy packages stay out of it', () => {
    const files = readdirSync(DIR);
    for (const name of Object.keys(ENTRIES)) expect(files).toContain(`${name}.js`);
    expect(files).toContain('validated.json');
    // the tables, each the same JSON as in src/data, in ASCII (scripts/bundle.ts, tableCopy)
    const tables = files.filter((f) => f.endsWith('.json') && f !== 'validated.json');
    expect(tables.sort()).toEqual([...TABLE_FILES].sort());
    for (const name of tables) {
      const copy = readFileSync(join(DIR, name), 'utf8');
      expect(copy.match(/[^\x00-\x7f]/g) ?? [], name).toEqual([]);
      const source = readFileSync(join(ROOT, 'src/data', name), 'utf8');
      expect(JSON.parse(copy), name).toEqual(JSON.parse(source));
      // without the source's indentation: a start reads, hashes and parses fewer bytes
      expect(copy, name).toBe(tableCopy(source));
      expect(copy.length, name).toBeLessThan(source.length);
      expect(copy, name).not.toContain('\n  ');
    }
    const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIR, f), 'utf8'));
    // left to node_modules: imported by name (lazily), never copied in
    for (const pkg of EXTERNAL) {
      expect(code.some((c) => c.includes(`import("${pkg}")`) || c.includes(`from"${pkg}"`))).toBe(true);
      expect(code.some((c) => c.includes(`node_modules/${pkg}/`))).toBe(false);
    }
    // Bolt is in it (the point of the bundle), in a chunk loaded when Slack starts, not in the entry
    const bolt = files.filter((f) => f.endsWith('.js') && readFileSync(join(DIR, f), 'utf8').includes('node_modules/@slack/bolt/dist/App.js'));
    expect(bolt).toHaveLength(1);
    expect(bolt[0]).not.toBe('main.js');
    // ... and Latin-1 throughout (no comments left with an em dash), so V8 keeps its source one byte a character
    expect(readFileSync(join(DIR, bolt[0]!), 'utf8').match(/[^\x00-\xff]/g) ?? []).toEqual([]);
  });

  it('bundled ask --json answers every question as the core does here, byte for byte', () => {
    const questions = mixedQuestions(catalog(), 2_000);
    const r = spawnSync(process.execPath, [join(DIR, 'ask.js'), '--json'], {
      input: `${questions.join('\n')}\n`,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', AZLINUX_TODAY: process.env.AZLINUX_TODAY ?? '' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status); // 1: some of the misspellings are not found
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(questions.length);
    let differ = 0;
    for (let i = 0; i < questions.length; i++) if (lines[i] !== JSON.stringify(ask(questions[i]!))) differ += 1;
    expect(differ).toBe(0);
    // and one question as arguments
    const one = spawnSync(process.execPath, [join(DIR, 'ask.js'), '--json', '/azlinux about'], { encoding: 'utf8', timeout: 30_000 });
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).kind).toBe('about');
  }, 90_000);

  it('the bundled server, with nothing configured and piped input, answers each line on stdout as the console does', () => {
    const r = spawnSync(process.execPath, [join(DIR, 'main.js')], {
      input: '/azlinux upstream\n/cpulevel Standard_D4s_v5\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', AZLINUX_TODAY: process.env.AZLINUX_TODAY ?? '', PORT: '0' },
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Fedora/);
    expect(r.stdout).toMatch(/Standard_D4s_v5[\s\S]*x86-64-v4/);
  }, 60_000);

  it('in Socket Mode, the bundled server loads what the bundle keeps lazy (@slack/socket-mode, @slack/oauth) and answers over the socket', async () => {
    const port = await freePort();
    const sockets = slack.socketCount;
    const child = spawn(process.execPath, [join(DIR, 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        AZLINUX_TODAY: process.env.AZLINUX_TODAY ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        SLACK_BOT_TOKEN: 'xoxb-bundle-socket',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_APP_TOKEN: 'xapp-1-bundle-socket',
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`the bundled server exited with ${child.exitCode}: ${stderr}`);
          return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200 ? true : undefined;
        },
        30_000,
        'the bundled server to be ready',
      );
      expect(slack.socketCount).toBe(sockets + 1);
      const posts = slack.callsTo('chat.postMessage').length;
      const payload = mentionEnvelope({ text: '<@UBOT> /cpulevel Standard_D4s_v5', ts: '1700000990.000100', eventId: 'Ev0BUNDLESOCK' });
      slack.sendEnvelope({ envelope_id: 'env-bundle-1', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
      const post = await slack.waitFor(() => slack.callsTo('chat.postMessage')[posts], 15_000);
      expect(JSON.stringify(post)).toContain('x86-64-v4');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(stderr).toBe('');
  }, 60_000);

  it('the bundled server answers signed slash commands over loopback as the service from source does, and Discord through discord.js', async () => {
    const env = { HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-bundle-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl };
    // Discord for the bundle only, so that the one answer to the interaction below is the bundle's
    const discordEnv = { DISCORD_TOKEN: 'discord-bundle-test-token', DISCORD_API_URL: discord.apiUrl };
    const port = await freePort();
    const child = spawn(process.execPath, [join(DIR, 'main.js')], {
      env: { PATH: process.env.PATH ?? '', AZLINUX_TODAY: process.env.AZLINUX_TODAY ?? '', PORT: String(port), ...env, ...discordEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    let source: RunningService | undefined;
    try {
      source = await startService({ ...env, PORT: '0' }, { stdinKind: 'none', logDestination: logSink().stream });
      await source.started;
      const bundled = new SlackSender(`http://127.0.0.1:${port}/slack/events`, SECRET);
      const reference = new SlackSender(`${source.url}/slack/events`, SECRET);
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined), 30_000, 'the bundled server to be ready');
      const texts = ['Standard_D4s_v5', 'x86-64-v3', 'Standard_D4s_v55', 'EPYC 7763', 'help'];
      for (const [n, text] of texts.entries()) {
        const fields = commandPayload('/cpulevel', text, slack.responseUrl(`b${n}`), `UB${n}`);
        const got = await bundled.command(fields);
        const want = await reference.command({ ...fields, user_id: `UR${n}` });
        expect(got.status).toBe(200);
        expect(got.ackMessage).toBeDefined();
        expect(got.body).toBe(want.body);
      }
      expect(JSON.stringify((await bundled.command(commandPayload('/cpulevel', 'Standard_D4s_v5', slack.responseUrl('b'), 'UB9'))).ackMessage)).toContain(
        'x86-64-v4',
      );
      // the HTTP API, and /metrics (prom-client, loaded at the first scrape: it once lost its exports in the bundle)
      const api = await fetch(`http://127.0.0.1:${port}/api/ask?q=${encodeURIComponent('/cpulevel Standard_D2s_v3')}`);
      expect(api.status).toBe(200);
      expect(await api.text()).toBe(await (await fetch(`${source.url}/api/ask?q=${encodeURIComponent('/cpulevel Standard_D2s_v3')}`)).text());
      // Discord (discord.js left to node_modules, imported by the bundle when Discord starts; /readyz above
      // waited for it): a slash command through the gateway, answered through the interaction callback.
      const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
      discord.gateway.dispatch('INTERACTION_CREATE', i);
      const callback = await discord.rest.waitFor((r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${i.id}/`));
      expect(JSON.stringify(callback.body)).toContain('x86-64-v4');
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^azlinux_answers_total\{platform="slack",kind="vm-size"\} [1-9]/m);
    } finally {
      await source?.stop('test over');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(stderr).toBe('');
    expect(existsSync(join(DIR, 'main.js'))).toBe(true);
  }, 90_000);
});
