// Variables that look wrong get the hint that fixes them: each kind of mistaken DISCORD_TOKEN, and
// METRICS_TOKEN.
import { describe, expect, it } from 'vitest';
import { ConfigError, discordTokenProblem, loadConfig } from '../../src/config.js';

const refused = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('DISCORD_TOKEN hints', () => {
  it.each([
    ['abc', /too short to be a bot token \(3 characters/],
    ['Bot abcdefghijklmnopqrstuvwxyz', /without the "Bot " prefix/],
    ['bot abcdefghijklmnopqrstuvwxyz', /without the "Bot " prefix/],
    ['abcdefghij klmnop', /contains whitespace/],
    ['123456789012345678', /looks like an Application ID/],
    ['0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', /looks like the application's Public Key/],
  ])('DISCORD_TOKEN=%s: %s', (token, hint) => {
    const message = refused({ DISCORD_TOKEN: token });
    expect(message).toMatch(hint);
    expect(message).toMatch(/^Configuration error: DISCORD_TOKEN/);
    if (token.length > 3) expect(message).not.toContain(token.replace(/^Bot /i, ''));
  });

  it('one problem, one message: "abc" is not told about a Bot prefix it does not have', () => {
    const message = refused({ DISCORD_TOKEN: 'abc' });
    expect(message).not.toMatch(/prefix/);
    expect(message).toMatch(/Reset Token/);
  });

  it('a token of the right shape passes', () => {
    expect(discordTokenProblem('MTIwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB')).toBeUndefined();
    expect(loadConfig({ DISCORD_TOKEN: 'abc.def.ghijkl' }).discord?.token).toBe('abc.def.ghijkl');
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional; when set it must be long enough to guess badly', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '0123456789abcdef' }).metricsToken).toBe('0123456789abcdef');
    expect(refused({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN must be at least 16 characters/);
  });
});
