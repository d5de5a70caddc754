// "Adding a platform" (docs/architecture.md) as a test: a tiny platform, one folder's worth of code
// here, registered with one registry line through the public registry. The service mounts its route,
// answers through it with the same handler as every platform, reports it in /readyz, blanks the secret
// it declares in every log line, and stops it. The HTTP API and the console are registry entries too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { PlatformLifecycle } from '../../src/adapters/common/platform-lifecycle.js';
import { loadConfig } from '../../src/config.js';
import type { AdapterContext, PlatformSecrets, Route, Surface } from '../../src/ports/index.js';
import { CENSOR, createLogger } from '../../src/service/logger.js';
import { entry, platformsFor, REGISTRY } from '../../src/service/platforms.js';
import { startService, type RunningService } from '../../src/service/start.js';
import { logSink } from './support/log-sink.js';

const SECRET_VALUE = 'echo-secret-value-9a8b7c';

/** The whole "platform": a route that asks the handler, a secret it declares, a surface that opens and stops. */
class EchoPlatform extends PlatformLifecycle<Surface> {
  static readonly secrets: PlatformSecrets = { fields: ['echoSecret'] };
  static stopped = 0;
  readonly name = 'echo';
  readonly env = [];
  override readonly routes: readonly Route[] = [{ path: '/echo/events', methods: ['POST'], work: true, listener: (req, res) => this.event(req, res) }];
  private context: AdapterContext | undefined;

  private async event(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = new URL(req.url ?? '/', 'http://echo').searchParams.get('q') ?? '';
    const answer = await this.context!.handler({ platform: 'http', userId: 'echo-user', text });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: answer.kind, title: answer.title }));
  }

  protected async open(context: AdapterContext): Promise<Surface> {
    this.context = context;
    context.logger.info({ echoSecret: SECRET_VALUE, client: { echoSecret: SECRET_VALUE, region: 'test' } }, 'echo: connected');
    return { name: 'echo', isReady: () => true, stop: async () => void (EchoPlatform.stopped += 1) };
  }
}

let service: RunningService | undefined;
afterEach(async () => {
  await service?.stop('test over');
  service = undefined;
});

describe('adding a platform: one registry line', () => {
  test('its route is mounted and answers, /readyz reports it, its secret is blanked, and it is stopped', async () => {
    const registry = [...REGISTRY, entry(EchoPlatform, 'chat', () => new EchoPlatform())];
    const log = logSink();
    service = await startService({ PORT: '0', HOST: '127.0.0.1' }, { stdinKind: 'none', logDestination: log.stream, registry });
    await service.started;
    expect(service.mode).toBe('server');

    const res = await fetch(`${service.url}/echo/events?q=${encodeURIComponent('/azlinux help')}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'help' });
    // the route's methods are the server's to enforce
    expect((await fetch(`${service.url}/echo/events`)).status).toBe(405);

    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { echo: true } });

    const connected = log.lines().find((l) => l['msg'] === 'echo: connected');
    expect(connected).toMatchObject({ surface: 'echo', echoSecret: CENSOR, client: { echoSecret: CENSOR, region: 'test' } });
    expect(log.text()).not.toContain(SECRET_VALUE);

    const before = EchoPlatform.stopped;
    await service.stop('test over');
    expect(EchoPlatform.stopped).toBe(before + 1);
  });

  test('the redaction comes from the registry: without the line, nothing declares the field', () => {
    const lines: string[] = [];
    createLogger('info', { write: (s: string) => void lines.push(s) }).info({ echoSecret: 'visible' }, 'm');
    expect(JSON.parse(lines[0]!)).toMatchObject({ echoSecret: 'visible' });
  });
});

describe('the HTTP API and the console are registry entries', () => {
  const config = loadConfig({});

  test('the HTTP API runs in server mode, mounts /api/ask and the web page, and takes no part in /readyz', () => {
    const [api, ...rest] = platformsFor(REGISTRY, ['server'], config);
    expect(rest).toEqual([]);
    expect(api!.name).toBe('http');
    expect(api!.readinessCheck).toBe(false);
    expect(api!.routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/ask', '/', '/api/complete']));
    expect(api!.routes.find((r) => r.path === '/api/ask')!.work).toBe(true);
  });

  test('the console runs only when the process hands it streams', () => {
    expect(platformsFor(REGISTRY, ['console'], config)).toEqual([]);
    const env = {};
    const [terminal] = platformsFor(REGISTRY, ['console'], config, { console: { input: process.stdin, output: process.stdout, env } });
    expect(terminal!.name).toBe('console');
    expect(terminal!.readinessCheck).toBe(false);
  });
});
