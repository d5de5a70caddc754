// The platform registry (src/service/platforms.ts) and the lifecycle every platform shares
// (src/adapters/common/platform-lifecycle.ts): each platform reads only variables the configuration
// knows (and .env.example lists), mounts its routes only when it serves HTTP, and starts and stops
// safely in any order.
import { describe, expect, test } from 'vitest';
import { PlatformLifecycle } from '../../src/adapters/common/platform-lifecycle.js';
import { ENV_VARIABLES, loadConfig } from '../../src/config.js';
import type { AdapterContext, Surface } from '../../src/ports/index.js';
import { configuredPlatforms, PLATFORMS } from '../../src/service/platforms.js';

const everything = {
  SLACK_BOT_TOKEN: 'xoxb-registry-test',
  SLACK_SIGNING_SECRET: 'registry-secret-123456',
  DISCORD_TOKEN: 'registry.discord.token-123',
};

describe('registry', () => {
  test('every platform, configured, declares variables the configuration reads', () => {
    const platforms = configuredPlatforms(loadConfig(everything));
    expect(platforms.map((p) => p.name)).toEqual(['slack', 'discord']);
    expect(platforms.length).toBe(PLATFORMS.length);
    for (const p of platforms) {
      expect(p.env.length, p.name).toBeGreaterThan(0);
      for (const name of p.env) expect(ENV_VARIABLES, `${p.name} reads ${name}`).toContain(name);
      expect(p.isReady(), p.name).toBe(false);
    }
  });

  test('nothing configured, nothing runs; each platform only when its variables are set', () => {
    expect(configuredPlatforms(loadConfig({}))).toEqual([]);
    expect(configuredPlatforms(loadConfig({ DISCORD_TOKEN: everything.DISCORD_TOKEN })).map((p) => p.name)).toEqual(['discord']);
  });

  test('Slack mounts its events endpoint in HTTP mode only; Discord mounts nothing', () => {
    const [slack, discord] = configuredPlatforms(loadConfig(everything));
    expect(slack!.routes.map((r) => [r.path, r.methods, r.work])).toEqual([['/slack/events', ['POST'], true]]);
    expect(discord!.routes).toEqual([]);
    const socket = configuredPlatforms(loadConfig({ ...everything, DISCORD_TOKEN: '', SLACK_APP_TOKEN: 'xapp-registry-test' }));
    expect(socket.map((p) => [p.name, p.routes.length])).toEqual([['slack', 0]]);
  });
});

/** A platform whose surface opens when the test says so. */
class Gated extends PlatformLifecycle<Surface & { stopped: number }> {
  readonly name = 'gated';
  readonly env = [];
  resolveOpen!: (surface: Surface & { stopped: number }) => void;
  failOpen!: (err: Error) => void;
  protected open(): Promise<Surface & { stopped: number }> {
    return new Promise((resolve, reject) => {
      this.resolveOpen = resolve;
      this.failOpen = reject;
    });
  }
}

const surface = (ready = true) => {
  const s = { name: 'gated', stopped: 0, isReady: () => ready, stop: async () => void (s.stopped += 1) };
  return s;
};
const context = {} as AdapterContext; // Gated reads nothing from it

describe('lifecycle', () => {
  test('idle -> starting -> running -> stopping -> stopped; ready only while running and the surface says so', async () => {
    const p = new Gated();
    expect(p.state).toBe('idle');
    const started = p.start(context);
    expect(p.state).toBe('starting');
    expect(p.isReady()).toBe(false);
    const s = surface();
    p.resolveOpen(s);
    await started;
    expect(p.state).toBe('running');
    expect(p.isReady()).toBe(true);
    await Promise.all([p.stop(), p.stop()]);
    expect(p.state).toBe('stopped');
    expect(s.stopped).toBe(1);
    expect(p.isReady()).toBe(false);
    await expect(p.start(context)).rejects.toThrow(/start\(\) called when stopped/);
  });

  test('stopped while starting: the surface is stopped as soon as it opens, and never reported ready', async () => {
    const p = new Gated();
    const started = p.start(context);
    const stopped = p.stop();
    expect(p.state).toBe('stopping');
    const s = surface();
    p.resolveOpen(s);
    await Promise.all([started, stopped]);
    expect(s.stopped).toBe(1);
    expect(p.state).toBe('stopped');
    expect(p.isReady()).toBe(false);
  });

  test('a failed start rejects, leaves it stopped, and stopping it afterwards is harmless', async () => {
    const p = new Gated();
    const started = p.start(context);
    p.failOpen(new Error('token refused'));
    await expect(started).rejects.toThrow('token refused');
    expect(p.state).toBe('stopped');
    await p.stop();
    expect(p.state).toBe('stopped');
  });

  test('never started: stop() is harmless; an unready surface is not ready', async () => {
    const idle = new Gated();
    await idle.stop();
    expect(idle.state).toBe('stopped');
    const p = new Gated();
    const started = p.start(context);
    p.resolveOpen(surface(false));
    await started;
    expect(p.isReady()).toBe(false);
  });
});
