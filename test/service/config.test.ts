import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config.js';

const SECRET = 'zz-very-secret-signing-value-zz';

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('defaults to the console-capable local setup: port 3000, memory store, cooldown 10 per 60 s', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', logLevel: 'info', cooldown: { max: 10, windowSeconds: 60 }, console: 'auto' });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.redis).toBeUndefined();
  });

  it('reads Slack HTTP mode, Socket Mode, Discord, Redis and the overrides', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(http.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api/' });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack?.appToken).toBe('xapp-1');
    const discord = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghijkl',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      PORT: '0',
      REDIS_URL: 'rediss://h.example:6380',
      REDIS_TLS_VERIFY: 'false',
    });
    expect(discord.discord).toEqual({ token: 'abc.def.ghijkl', apiUrl: 'http://127.0.0.1:9/api' });
    expect(discord.port).toBe(0);
    expect(discord.redis).toEqual({ url: 'rediss://h.example:6380', tlsVerify: false });
  });

  it('DISCORD_GATEWAY=off keeps this process off the gateway (the web process beside a shard manager)', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'abc.def.ghijkl', DISCORD_GATEWAY: 'off' }).discord).toBeUndefined();
    expect(loadConfig({ DISCORD_TOKEN: 'abc.def.ghijkl', DISCORD_GATEWAY: 'auto' }).discord?.token).toBe('abc.def.ghijkl');
    expect(() => loadConfig({ DISCORD_GATEWAY: 'maybe' })).toThrow(/DISCORD_GATEWAY must be auto/);
  });

  it('reads AZLINUX_TODAY as the day dates are judged against, and says so without secrets', () => {
    const config = loadConfig({ AZLINUX_TODAY: ' 2027-01-15 ' });
    expect(config.today).toBe('2027-01-15');
    expect(describeConfig(config)).toMatchObject({ today: '2027-01-15' });
    expect(loadConfig({}).today).toBeUndefined();
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: '  ' }).slack).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_SIGNING_SECRET: SECRET }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'ftp://gov.example/api' }, 'SLACK_API_URL'],
    [{ DISCORD_API_URL: 'http://127.0.0.1:1/api' }, 'DISCORD_API_URL'],
    [{ DISCORD_TOKEN: 'Bot abcdefghijklmnop' }, 'DISCORD_TOKEN'],
    [{ COOLDOWN_MAX: 'ten' }, 'COOLDOWN_MAX'],
    [{ COOLDOWN_WINDOW_SECONDS: '0' }, 'COOLDOWN_WINDOW_SECONDS'],
    [{ CONSOLE: 'maybe' }, 'CONSOLE'],
    [{ TRUST_PROXY: 'sometimes' }, 'TRUST_PROXY'],
    [{ AZLINUX_TODAY: '2027-02-30' }, 'AZLINUX_TODAY'],
    [{ AZLINUX_TODAY: 'tomorrow' }, 'AZLINUX_TODAY'],
    [{ AZLINUX_TODAY: '15/01/2027' }, 'AZLINUX_TODAY'],
  ])('refuses %j naming %s, on one line, without echoing a value', (env, variable) => {
    const err = refusal(env as Record<string, string>);
    expect(err.problems.map((p) => p.variable)).toContain(variable);
    expect(err.message).toContain(variable);
    expect(err.message).not.toContain('\n');
    for (const value of Object.values(env)) if (value.length > 4) expect(err.message).not.toContain(value);
  });

  it('reports every problem at once', () => {
    const err = refusal({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(err.problems.map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('reports every rule a value breaks, each naming its variable, and no value when all is well', () => {
    const err = refusal({ SLACK_BOT_TOKEN: 'xoxp- 1', SLACK_SIGNING_SECRET: SECRET, METRICS_TOKEN: 'a b' });
    expect(err.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN contains whitespace/),
      expect.stringMatching(/^SLACK_BOT_TOKEN must be a bot token starting with xoxb-/),
      expect.stringMatching(/^METRICS_TOKEN contains whitespace/),
      expect.stringMatching(/^METRICS_TOKEN must be at least 16 characters/),
    ]);
    const parsed = loadConfig({
      PORT: '65535',
      COOLDOWN_MAX: '0',
      COOLDOWN_WINDOW_SECONDS: '86400',
      TRUST_PROXY: 'YES',
      REDIS_URL: 'redis://h:1',
      REDIS_TLS_VERIFY: '0',
      LOG_LEVEL: 'silent',
      CONSOLE: 'off',
      HOST: '::1',
    });
    expect(parsed).toMatchObject({
      port: 65535,
      cooldown: { max: 0, windowSeconds: 86400 },
      trustProxy: true,
      redis: { url: 'redis://h:1', tlsVerify: false },
      logLevel: 'silent',
      logLevelFromEnv: true,
      console: 'off',
      host: '::1',
    });
    expect(refusal({ COOLDOWN_MAX: '100001' }).message).toBe('Configuration error: COOLDOWN_MAX must be a whole number from 0 to 100000, e.g. COOLDOWN_MAX=10');
  });

  it('describes what is configured without any secret', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-secret-token',
      SLACK_SIGNING_SECRET: SECRET,
      DISCORD_TOKEN: 'discord-secret-token',
      REDIS_URL: 'redis://:pw-secret@127.0.0.1:1',
    });
    const text = JSON.stringify(describeConfig(config));
    expect(text).toContain('"slack":"http"');
    expect(text).toContain('"store":"redis"');
    for (const secret of ['xoxb-secret-token', SECRET, 'discord-secret-token', 'pw-secret']) expect(text).not.toContain(secret);
  });
});
