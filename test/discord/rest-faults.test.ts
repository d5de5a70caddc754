// A Discord whose REST API fails persistently (500 on every call): a mention's reply fails after the
// REST client's retries and is logged at error (a lost answer, not a warning), the surface reports not
// ready while it lasts, and once Discord answers again it is ready and replies flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterLogger, Handler } from '../../src/ports/index.js';
import { BOT_ID, botUser, message, type RecordedRequest } from '../fakes/discord/index.js';
import { fixtures } from '../fixtures/answers.js';
import { startHarness, waitUntil, type Harness } from './harness.js';

const lines: Array<{ level: string; msg: string | undefined }> = [];
const logger: AdapterLogger = {
  info: (_o, msg) => void lines.push({ level: 'info', msg }),
  warn: (_o, msg) => void lines.push({ level: 'warn', msg }),
  error: (_o, msg) => void lines.push({ level: 'error', msg }),
};
const handler: Handler = async () => fixtures['vm-size'];

let h: Harness;
beforeAll(async () => {
  // No short request timeout: nothing here hangs, and on a loaded machine an answer over loopback can take
  // over a second (test/slack/faults.test.ts); a probe or reply abandoned early only adds noise.
  h = await startHarness(handler, () => [], { logger, rest: { retries: 1, stuckAfterMs: 300, probeEveryMs: 100 } });
});
afterAll(async () => {
  h.fake.rest.failAll = undefined;
  await h?.close();
});

const postsAfter = (mark: number) => (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200 && h.fake.rest.requests.indexOf(r) >= mark;

describe('Discord REST failing persistently', () => {
  it('logs the lost reply at error, is not ready while it lasts, and answers again once Discord does', async () => {
    expect(h.surface.isReady()).toBe(true);
    h.fake.rest.failAll = 500;
    const mark = h.fake.rest.requests.length;
    h.fake.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@${BOT_ID}> /cpulevel Standard_D4s_v5`, mentions: [botUser] }));
    await waitUntil(() => lines.some((l) => l.msg === 'discord: mention failed'), 10_000, 'the reply to be given up');
    expect(lines.find((l) => l.msg === 'discord: mention failed')?.level).toBe('error');
    // the client retried before giving up
    expect(h.fake.rest.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).length).toBeGreaterThanOrEqual(2);
    expect(h.surface.isReady()).toBe(false);

    h.fake.rest.failAll = undefined;
    await waitUntil(() => h.surface.isReady(), 5_000, 'ready again (probed)');
    const mark2 = h.fake.rest.requests.length;
    h.fake.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@${BOT_ID}> /cpulevel Standard_D4s_v5`, mentions: [botUser] }));
    const post = await h.fake.rest.waitFor(postsAfter(mark2), 5_000);
    expect(post.body.embeds[0].title).toBe(fixtures['vm-size'].title);
  });
});
